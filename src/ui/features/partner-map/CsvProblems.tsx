import { For, Show } from 'solid-js'
import { t } from '../../i18n/t'
import { formatNumber } from '../../i18n/intl-format'
import { fieldError } from './field-error'

const SHOWN = 200

/** The rows of a CSV file that will not be imported, each with its line number and reasons. */
export const CsvProblems = (props: { problems: readonly { line: number; reasons: string[] }[] }) => (
  <Show when={props.problems.length > 0}>
    {/* A long list scrolls inside it: it takes focus so the keyboard can scroll it too. */}
    <section class="csv-problems" aria-labelledby="csv-problems-heading" tabindex="0">
      <h4 id="csv-problems-heading">{t('partners.csv.problems')}</h4>
      <p class="hint">{t('partners.csv.problemsHint')}</p>
      <ul>
        <For each={props.problems.slice(0, SHOWN)}>
          {(problem) => (
            <li>
              <strong>{t('partners.csv.line', { line: problem.line })}</strong> {problem.reasons.map((reason) => fieldError(reason) ?? reason).join('; ')}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.problems.length > SHOWN}>
        <p>{t('partners.csv.moreRows', { count: formatNumber(props.problems.length - SHOWN) })}</p>
      </Show>
    </section>
  </Show>
)
