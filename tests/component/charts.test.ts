import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BarChart from '../../src/components/charts/BarChart.vue'
import SlopeChart from '../../src/components/charts/SlopeChart.vue'
import { spreadLabels } from '../../src/components/charts/spread-labels'

/** The text of the elements an aria-labelledby or aria-describedby names, as a screen reader joins them. */
function referencedText(element: Element, attribute: string): string {
  const ids = element.getAttribute(attribute)?.split(/\s+/) ?? []
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? `#${id} missing`).join(' ')
}

const BAR_PROPS = {
  id: 'chart-test',
  title: 'Best fit',
  description: 'A bar for each role. The largest is Trainer: 6 (60%).',
  rows: [
    { key: 'trainer', label: 'Trainer', value: 6, valueText: '6 (60%)' },
    { key: 'technical_support', label: 'Technical/Software Support Staff', value: 3, valueText: '3 (30%)' },
    { key: 'redesign_specialist', label: 'Redesign Specialist', value: 0, valueText: '0 (0%)' },
  ],
  max: 10,
  labelHeading: 'Role',
  valueHeading: 'Assessments',
  tableToggle: 'Show these numbers as a table',
}

describe('the bar chart', () => {
  it('is an image named by its title and described by its description', () => {
    const wrapper = mount(BarChart, { props: BAR_PROPS, attachTo: document.body })
    const svg = wrapper.get('svg').element
    expect(svg.getAttribute('role')).toBe('img')
    expect(referencedText(svg, 'aria-labelledby')).toBe('Best fit')
    expect(referencedText(svg, 'aria-describedby')).toBe(BAR_PROPS.description)
    expect(wrapper.get('svg > title').text()).toBe('Best fit')
    expect(referencedText(wrapper.get('figure').element, 'aria-labelledby')).toBe('Best fit')
  })

  it('writes each number beside its bar, bars in proportion to the full bar', () => {
    const wrapper = mount(BarChart, { props: BAR_PROPS })
    const rows = wrapper.findAll('.chart__row')
    expect(rows.map((row) => [row.get('.chart__label').text(), row.get('.chart__value').text()])).toEqual([
      ['Trainer', '6 (60%)'],
      ['Technical/Software Support Staff', '3 (30%)'],
      ['Redesign Specialist', '0 (0%)'],
    ])
    const widths = rows.map((row) => Number(row.get('rect').attributes('width')))
    expect(widths[0]! / widths[1]!).toBeCloseTo(2)
    expect(widths[2]).toBe(0)
    // The number sits just past the end of its bar.
    expect(Number(rows[0]!.get('.chart__value').attributes('x'))).toBeGreaterThan(widths[0]!)
  })

  it('has the same numbers as a table with a caption and headers', () => {
    const wrapper = mount(BarChart, { props: BAR_PROPS })
    const table = wrapper.get('details table')
    expect(wrapper.get('details summary').text()).toBe('Show these numbers as a table')
    expect(table.get('caption').text()).toBe('Best fit')
    expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['Role', 'col'],
      ['Assessments', 'col'],
    ])
    expect(table.findAll('tbody tr').map((tr) => [tr.get('th').text(), tr.get('td').text()])).toEqual([
      ['Trainer', '6 (60%)'],
      ['Technical/Software Support Staff', '3 (30%)'],
      ['Redesign Specialist', '0 (0%)'],
    ])
  })

  it('uses classes only: no inline style anywhere (the CSP forbids them)', () => {
    const wrapper = mount(BarChart, { props: BAR_PROPS })
    expect(wrapper.findAll('[style]')).toHaveLength(0)
  })
})

const SLOPE_PROPS = {
  id: 'chart-progress',
  title: 'Fit then and now',
  description: 'A line for each role. Trainer: 50 then, 72 now; Implementation Manager: 70 then, 55 now.',
  rows: [
    { key: 'trainer', label: 'Trainer', before: 50, after: 72, changeText: '+22' },
    { key: 'implementation_manager', label: 'Implementation Manager', before: 70, after: 55, changeText: '−15' },
    { key: 'technical_support', label: 'Technical Support', before: 54, after: 54, changeText: 'No change' },
  ],
  thenLabel: 'Then',
  nowLabel: 'Now',
  labelHeading: 'Role',
  changeHeading: 'Change',
  tableToggle: 'Show these numbers as a table',
}

describe('the slope chart', () => {
  it('is an image named by its title and described by its description', () => {
    const wrapper = mount(SlopeChart, { props: SLOPE_PROPS, attachTo: document.body })
    const svg = wrapper.get('svg').element
    expect(svg.getAttribute('role')).toBe('img')
    expect(referencedText(svg, 'aria-labelledby')).toBe('Fit then and now')
    expect(referencedText(svg, 'aria-describedby')).toBe(SLOPE_PROPS.description)
  })

  it('writes both numbers at the ends of each line, and the role beside the later one', () => {
    const wrapper = mount(SlopeChart, { props: SLOPE_PROPS })
    const rows = wrapper.findAll('.chart__row')
    expect(rows.map((row) => row.findAll('.chart__value').map((text) => text.text()))).toEqual([
      ['50', '72 Trainer'],
      ['70', '55 Implementation Manager'],
      ['54', '54 Technical Support'],
    ])
    // A higher fit is drawn higher (SVG's y grows downwards).
    const [rising] = rows
    expect(Number(rising!.get('.chart__slope').attributes('y2'))).toBeLessThan(
      Number(rising!.get('.chart__slope').attributes('y1')),
    )
  })

  it('draws a falling fit exactly like a rising one: no colour or class says good or bad', () => {
    const wrapper = mount(SlopeChart, { props: SLOPE_PROPS })
    const classes = wrapper.findAll('.chart__slope').map((line) => line.classes())
    // Only the dash pattern differs from line to line, by position, never by direction.
    expect(classes).toEqual([
      ['chart__slope', 'chart__slope--0'],
      ['chart__slope', 'chart__slope--1'],
      ['chart__slope', 'chart__slope--2'],
    ])
    expect(wrapper.html()).not.toMatch(/why__down|why__up|--down|--up|--bad|--good|fill="|stroke="/)
  })

  it('has the same numbers as a table', () => {
    const wrapper = mount(SlopeChart, { props: SLOPE_PROPS })
    const table = wrapper.get('details table')
    expect(table.get('caption').text()).toBe('Fit then and now')
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['Role', 'Then', 'Now', 'Change'])
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['Trainer', '50', '72', '+22'],
      ['Implementation Manager', '70', '55', '−15'],
      ['Technical Support', '54', '54', 'No change'],
    ])
  })
})

describe('placing labels without overlap', () => {
  it.each([
    { wanted: [100, 50, 200], gap: 17, placed: [100, 50, 200] },
    { wanted: [100, 100, 100], gap: 17, placed: [100, 117, 134] },
    { wanted: [100, 95, 300], gap: 17, placed: [112, 95, 300] },
    { wanted: [290, 300, 300], gap: 17, placed: [266, 283, 300] },
    { wanted: [10, 20], gap: 17, placed: [40, 57] },
  ])('$wanted → $placed (gap $gap, between 40 and 300)', ({ wanted, gap, placed }) => {
    expect(spreadLabels(wanted, gap, 40, 300)).toEqual(placed)
  })
})
