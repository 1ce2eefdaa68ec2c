import type { TLShape } from 'tldraw'
import type { BlockerProps } from '../../shared/schema/blockerProps'
import type { EnablerProps } from '../../shared/schema/enablerProps'
import type { MilestoneProps } from '../../shared/schema/milestoneProps'
import type { DeclaredProps } from './propsValidators'

declare module 'tldraw' {
	export interface TLGlobalShapePropsMap {
		milestone: DeclaredProps<MilestoneProps>
		enabler: DeclaredProps<EnablerProps>
		blocker: DeclaredProps<BlockerProps>
	}
}

export type MilestoneShape = TLShape<'milestone'>
export type EnablerShape = TLShape<'enabler'>
export type BlockerShape = TLShape<'blocker'>
export type TypedShape = MilestoneShape | EnablerShape | BlockerShape
