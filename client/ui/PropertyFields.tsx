import { useId, type ReactNode } from 'react'

/** Called before the first change of an edit, so one field edit is one undo step. */
export type MarkFn = () => void

/** What a shape's group of fields (MilestoneFields, EnablerFields, BlockerFields) is given. */
export interface ShapeFieldsProps<S extends { props: object }> {
	shape: S
	mark: MarkFn
	update: (changes: Partial<S['props']>) => void
	/** Names already written on this map, offered in the fields that name a person. */
	people?: readonly string[]
}

interface FieldProps {
	label: string
	children: (id: string) => ReactNode
}

export function Field({ label, children }: FieldProps) {
	const id = useId()
	return (
		<div className="dm-field">
			<label htmlFor={id}>{label}</label>
			{children(id)}
		</div>
	)
}

interface TextFieldProps {
	label: string
	value: string
	onChange: (value: string) => void
	onFocus: MarkFn
	multiline?: boolean
	placeholder?: string
	suggestions?: readonly string[]
	/** Longest text the input takes (typing stops there; pasted text is cut). */
	maxLength?: number
}

export function TextField({
	label,
	value,
	onChange,
	onFocus,
	multiline,
	placeholder,
	suggestions,
	maxLength,
}: TextFieldProps) {
	const listId = useId()
	return (
		<Field label={label}>
			{(id) =>
				multiline ? (
					<textarea
						id={id}
						value={value}
						rows={3}
						placeholder={placeholder}
						maxLength={maxLength}
						onFocus={onFocus}
						onChange={(e) => onChange(e.currentTarget.value)}
					/>
				) : (
					<>
						<input
							id={id}
							type="text"
							value={value}
							placeholder={placeholder}
							maxLength={maxLength}
							list={suggestions ? listId : undefined}
							onFocus={onFocus}
							onChange={(e) => onChange(e.currentTarget.value)}
						/>
						{suggestions ? (
							<datalist id={listId}>
								{suggestions.map((s) => (
									<option key={s} value={s} />
								))}
							</datalist>
						) : null}
					</>
				)
			}
		</Field>
	)
}

interface DateFieldProps {
	label: string
	value: string
	onChange: (value: string) => void
	onFocus: MarkFn
}

export function DateField({ label, value, onChange, onFocus }: DateFieldProps) {
	return (
		<Field label={label}>
			{(id) => (
				<input
					id={id}
					type="date"
					value={value}
					onFocus={onFocus}
					onChange={(e) => onChange(e.currentTarget.value)}
				/>
			)}
		</Field>
	)
}

interface SelectFieldProps<V extends string> {
	label: string
	value: V
	options: readonly V[]
	labels: Record<V, string>
	onChange: (value: V) => void
	onFocus: MarkFn
}

export function SelectField<V extends string>({
	label,
	value,
	options,
	labels,
	onChange,
	onFocus,
}: SelectFieldProps<V>) {
	return (
		<Field label={label}>
			{(id) => (
				<select
					id={id}
					value={value}
					onFocus={onFocus}
					onChange={(e) => {
						onFocus()
						onChange(e.currentTarget.value as V)
					}}
				>
					{options.map((option) => (
						<option key={option} value={option}>
							{labels[option]}
						</option>
					))}
				</select>
			)}
		</Field>
	)
}
