import { RedirectLanding } from './redirect-landing';

export const metadata = { title: 'Bank account connected · flinks-embed' };

// Where Connect sends the whole page in the redirect mode without `innerRedirect`.
export default function Connected() {
  return <RedirectLanding />;
}
