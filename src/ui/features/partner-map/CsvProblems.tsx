import { For, Show } from 'solid-js'

const SHOWN = 200

/** The rows of a CSV file that will not be imported, each with its line number and reasons. */
export const CsvProblems = (props: { problems: readonly { line: number; reasons: string[] }[] }) => (
  <Show when={props.problems.length > 0}>
    {/* A long list scrolls inside it: it takes focus so the keyboard can scroll it too. */}
    <section class="csv-problems" aria-labelledby="csv-problems-heading" tabindex="0">
      <h4 id="csv-problems-heading">Rows that will not be imported</h4>
      <p class="hint">Fix these in your spreadsheet and import the file again; rows already imported are not added twice.</p>
      <ul>
        <For each={props.problems.slice(0, SHOWN)}>
          {(problem) => (
            <li>
              <strong>Line {problem.line}:</strong> {problem.reasons.join('; ')}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.problems.length > SHOWN}>
        <p>…and {(props.problems.length - SHOWN).toLocaleString('en-GB')} more rows.</p>
      </Show>
    </section>
  </Show>
)
