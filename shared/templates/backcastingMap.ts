import { stageTemplate } from './stageTemplate'

/**
 * A backcasting map: the outcome on the right and the stages working back from it, so that the
 * finished map reads left to right as a plan: First steps, Midway, Just before, Outcome.
 */
export const backcastingMap = stageTemplate({
	id: 'backcasting',
	name: 'Backcasting map',
	description:
		'Start from the outcome on the right and work back to the first steps; the map then reads left to right as your plan.',
	title: 'Backcasting map',
	intro:
		'Start on the right: describe the outcome as if it has already happened. Then work right to left: what must be true just before it, what must be in place midway, and what are the first steps? When you are done, read the map left to right: that is your plan.',
	stages: [
		{
			name: 'First steps',
			hint: '4. What can we start in the next month or two?\nMilestones we can begin now, each with an owner. Flag any blocker that could stop us starting.',
		},
		{
			name: 'Midway',
			hint: '3. What has to be in place halfway?\nMilestones that must be met midway. Name the enablers needed from legal, finance, procurement, digital, HR and others: what, when and how.',
		},
		{
			name: 'Just before',
			hint: '2. What must already be true just before the outcome?\nAdd those milestones, with an arrow from each one to the milestone it leads to.',
		},
		{
			name: 'Outcome',
			color: 'green',
			hint: '1. Start here: the outcome.\nDescribe the change in people’s lives as if it has happened. Who is better off, and how would we know? Put it as a milestone with a due date and an owner.',
		},
	],
	startNote: {
		stage: 3,
		text: 'Start here, then work right to left.',
	},
})
