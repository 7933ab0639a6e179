import { Show } from 'solid-js'
import { usePartnerMap } from './partner-map-context'
import { t } from '../../i18n/t'

/** The end of a CSV import's review: import what can be, choose another file, or cancel. */
export const CsvReviewActions = (props: {
  /** The import button's words ("Import 3 valid rows"), or null when there is nothing new. */
  importLabel: string | null
  onImport: () => void
  onBack: () => void
  onCancel: () => void
}) => {
  const map = usePartnerMap()
  return (
    <div class="actions">
      <Show when={props.importLabel} fallback={<p>{t('partners.csv.nothingNew')}</p>}>
        <button type="button" class="button primary" disabled={!map.canEdit()} onClick={() => props.onImport()}>
          {props.importLabel}
        </button>
      </Show>
      <button type="button" class="button" onClick={() => props.onBack()}>
        {t('partners.csv.another')}
      </button>
      <button type="button" class="button" onClick={() => props.onCancel()}>
        {t('common.cancel')}
      </button>
    </div>
  )
}
