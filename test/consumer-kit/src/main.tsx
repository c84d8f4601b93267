// The app's entry in the browser: the page tells it where Connect is (the simulator, in tests).
import { createRoot } from 'react-dom/client';
import { LinkBank } from './LinkBank';

const { connectUrl } = document.documentElement.dataset;
createRoot(document.getElementById('root')!).render(<LinkBank {...(connectUrl && { connectUrl })} />);
