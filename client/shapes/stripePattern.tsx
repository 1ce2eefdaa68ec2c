import type { SvgExportContext } from 'tldraw'

/**
 * Adds to the export's `<defs>` (once per export) a pattern of diagonal stripes, as the
 * `repeating-linear-gradient`s of styles.css draw them, and gives the `fill` that uses it.
 */
export function stripePattern(
	ctx: SvgExportContext,
	name: string,
	colours: [string, string],
	stripe: number,
	angle: number
): string {
	const id = `dm-stripes-${name}`
	ctx.addExportDef({
		key: id,
		getElement: () => (
			<pattern
				id={id}
				patternUnits="userSpaceOnUse"
				width={stripe * 2}
				height={stripe * 2}
				patternTransform={`rotate(${angle})`}
			>
				<rect x={0} y={0} width={stripe} height={stripe * 2} fill={colours[0]} />
				<rect x={stripe} y={0} width={stripe} height={stripe * 2} fill={colours[1]} />
			</pattern>
		),
	})
	return `url(#${id})`
}
