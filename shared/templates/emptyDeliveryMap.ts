import { stageTemplate } from './stageTemplate'

/** The four-stage delivery map: Discover, Design, Deliver, Embed. */
export const emptyDeliveryMap = stageTemplate({
	id: 'delivery-map',
	name: 'Delivery map',
	description: 'Four stages, Discover, Design, Deliver and Embed, ready for your milestones.',
	title: 'Delivery map',
	intro:
		'Work left to right. Put each milestone (a change in people’s lives, with an owner who does the work and an unblocker) in the stage where it happens. Add the enablers it needs from corporate services and the blockers that could delay it, and join them with arrows. Delete these hints when you no longer need them.',
	stages: [
		{
			name: 'Discover',
			hint: 'What do we need to learn first?\nMilestones about understanding people’s needs, the service as it is today and the data we already have. Give each one an owner, an unblocker and a due date.',
		},
		{
			name: 'Design',
			hint: 'What will we try, and with whom?\nMilestones for designing and testing the offer with the people it is for. Name the enablers you will need early: legal advice, procurement, data sharing, digital.',
		},
		{
			name: 'Deliver',
			hint: 'What has to happen for it to reach people?\nMilestones for launching and scaling. Add the blockers that could delay you even if you do your part: contracts, approvals, system changes.',
		},
		{
			name: 'Embed',
			hint: 'How does it become business as usual?\nMilestones for handing over, funding it for the long run and switching off what it replaces.',
		},
	],
})
