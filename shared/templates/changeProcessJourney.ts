import { stageTemplate } from './stageTemplate'

/** The ten stages of the change-process journey, each with what a group puts there. */
export const changeProcessJourney = stageTemplate({
	id: 'change-process-journey',
	name: 'Change-process journey',
	description:
		'The ten stages from awareness-raising to continuous collective learning, for a mission-led change.',
	title: 'Change-process journey',
	intro:
		'Ten stages, left to right, from raising awareness to learning together every month. Put the milestones of each stage in its frame, with an owner and an unblocker; add the enablers they need and the blockers in the way, and join them with arrows.',
	stages: [
		{
			name: 'Awareness-raising',
			hint: 'Who needs to know this work is starting, and why it matters?\nMilestones for making the case and bringing people in.',
		},
		{
			name: 'Horizon-scanning',
			hint: 'What is coming our way?\nTrends, risks and opportunities that could change the journey, and who will keep watch.',
		},
		{
			name: 'Storytelling',
			hint: 'What story will we tell about the change, in the words of the people it is for?\nMilestones for gathering and sharing those stories.',
		},
		{
			name: 'Mission co-creation',
			hint: 'What is our shared mission, agreed with residents and partners?\nPut the mission’s outcome as a milestone, with an owner and a date.',
		},
		{
			name: 'Assets and systems mapping',
			hint: 'What already exists that we can build on?\nPeople, places, services, data and money; and the systems that help or hinder.',
		},
		{
			name: 'Backcasting',
			hint: 'From the mission, work back.\nWhat must be true just before it, midway, and first? Add those milestones with dates, and arrows for what depends on what.',
		},
		{
			name: 'Enablers development',
			hint: 'What does each milestone need from corporate services?\nAdd enablers from legal, finance, procurement, digital, HR, comms, data and estates: what, when and how. Link each to its milestone.',
		},
		{
			name: 'Portfolio development',
			hint: 'Which projects together move the mission?\nGroup milestones into a portfolio and name the blockers they share.',
		},
		{
			name: 'Eliminating off-mission work',
			hint: 'What will we stop doing to make room?\nMilestones for switching off work that does not serve the mission.',
		},
		{
			name: 'Continuous collective learning',
			hint: 'How will we learn together?\nEach month, a red, amber or green check-in with one learning or next step per milestone.',
		},
	],
})
