import { PageHeading } from '../components/PageHeading'
import { href } from '../router'

export const NotFoundPage = () => (
  <section class="narrow stack">
    <PageHeading title="Page not found" />
    <p>This address does not lead anywhere in Mutual.</p>
    <p>
      <a href={href.home}>Go to your workspaces</a>
    </p>
  </section>
)
