import { PageHeading } from '../components/PageHeading'
import { t } from '../i18n/t'
import { href } from '../router'

export const NotFoundPage = () => (
  <section class="narrow stack">
    <PageHeading title={t('notFound.title')} />
    <p>{t('notFound.body')}</p>
    <p>
      <a href={href.home}>{t('notFound.home')}</a>
    </p>
  </section>
)
