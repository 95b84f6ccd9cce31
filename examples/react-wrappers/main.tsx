// imkit/react: components made with @lit/react, for React 18 and earlier, where JSX
// would set attributes (strings) instead of properties and could not listen to custom events.
// Here they run on React 19, which they support as well.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ImChat, ImConversationList } from 'imkit/react';
import { chatStrings, connect } from '../shared/connect.js';

const { client } = connect();
const strings = chatStrings('imkit/react');

function App() {
  const [conversationID, setConversationID] = useState<string | null>(null);
  return (
    <div className="app">
      <div className="bar">
        <strong>React wrappers (imkit/react)</strong>
        <span>
          selected: <output data-testid="selected">{conversationID ?? 'none'}</output>
        </span>
      </div>
      <main className="panes">
        <ImConversationList client={client} selected={conversationID} onImConversationSelect={(e) => setConversationID(e.detail.conversationID)} />
        <ImChat client={client} conversationID={conversationID} strings={strings} />
      </main>
    </div>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
