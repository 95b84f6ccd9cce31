// React 19 sets properties on custom elements (when the element has that property) and
// listens to their custom events with `on<event-name>` props, so the tags are used directly.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'imkit';
import type { ImChat, ImConversationList, ImConversationSelectDetail } from 'imkit';
import { chatStrings, connect } from '../shared/connect.js';

type ElementProps<E> = Partial<Omit<E, keyof HTMLElement>> & { ref?: React.Ref<E>; className?: string; children?: React.ReactNode };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'im-conversation-list': ElementProps<ImConversationList> & {
        'onim-conversation-select'?: (event: CustomEvent<ImConversationSelectDetail>) => void;
      };
      'im-chat': ElementProps<ImChat>;
    }
  }
}

const { client } = connect();
const strings = chatStrings('React');

function App() {
  const [conversationID, setConversationID] = useState<string | null>(null);
  return (
    <div className="app">
      <div className="bar">
        <strong>React 19</strong>
        <span>
          selected: <output data-testid="selected">{conversationID ?? 'none'}</output>
        </span>
      </div>
      <main className="panes">
        <im-conversation-list
          client={client}
          selected={conversationID}
          onim-conversation-select={(e) => setConversationID(e.detail.conversationID)}
        />
        <im-chat client={client} conversationID={conversationID} strings={strings} />
      </main>
    </div>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
