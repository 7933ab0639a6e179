import { EOI_QUESTIONS } from '../lab-plan/proposal'
import { listSection, section, type DocumentTemplate } from './template'

/**
 * What CCIN labs promise to produce in their Expressions of Interest, as report templates:
 * each level-1 heading is a section a council can own. Data only, like the other templates.
 */
export const LAB_OUTPUT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: 'eoi-draft',
    name: 'Expression of Interest draft',
    description: 'The CCIN form’s header and its six questions, to draft together before filling in the lab plan.',
    title: 'Expression of Interest',
    blocks: [
      { type: 'heading', level: 1, text: 'About the proposal' },
      { type: 'table', header: ['Member authority', 'Lead member', 'Name and job title', 'Funding asked for'], rows: 1 },
      ...EOI_QUESTIONS.flatMap((question, i) => section(`${i + 1}. ${question.text}`))
    ]
  },
  {
    id: 'case-study',
    name: 'Case study or blueprint',
    description: 'One place or project told so another council can repeat it: context, what was done, results, how to replicate.',
    title: 'Case study',
    blocks: [
      ...section('Summary'),
      ...section('The place and the challenge'),
      ...section('What was done, and who with'),
      ...section('Results and evidence'),
      ...section('What it cost'),
      ...listSection('How to replicate it'),
      ...listSection('Contacts and further reading')
    ]
  },
  {
    id: 'toolkit',
    name: 'Toolkit or start-up guide',
    description: 'Steps, tools and templates for a council starting out: who it is for, before you start, step by step, pitfalls.',
    title: 'Start-up guide',
    blocks: [
      ...section('Who this guide is for'),
      ...listSection('Before you start'),
      { type: 'heading', level: 1, text: 'Step by step' },
      { type: 'orderedList', items: [''] },
      ...listSection('Tools and templates'),
      ...listSection('Common pitfalls'),
      ...listSection('Where to get help')
    ]
  },
  {
    id: 'feasibility-study',
    name: 'Feasibility study',
    description: 'Whether an idea can work: options, costs and benefits, risks, and a recommendation.',
    title: 'Feasibility study',
    blocks: [
      ...section('Summary and recommendation'),
      ...section('The need'),
      ...section('Options considered'),
      { type: 'heading', level: 1, text: 'Costs and benefits' },
      { type: 'table', header: ['Option', 'Costs', 'Benefits', 'Social value'], rows: 3 },
      { type: 'heading', level: 1, text: 'Risks' },
      { type: 'table', header: ['Risk', 'Likelihood', 'Impact', 'Mitigation'], rows: 3 },
      ...section('Legal and governance'),
      ...listSection('Next steps')
    ]
  },
  {
    id: 'design-brief',
    name: 'Design brief',
    description: 'What is to be designed with residents: the problem, who it is for, principles, constraints and how success is judged.',
    title: 'Design brief',
    blocks: [
      ...section('The problem to solve'),
      ...section('Who it is for'),
      ...listSection('Design principles'),
      ...listSection('Constraints (budget, time, data, law)'),
      ...section('How residents will take part'),
      ...listSection('How we will know it works'),
      { type: 'heading', level: 1, text: 'Deliverables and dates' },
      { type: 'table', header: ['Deliverable', 'Date', 'Owner'], rows: 3 }
    ]
  }
]
