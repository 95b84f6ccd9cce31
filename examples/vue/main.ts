// Vue 3 with the runtime template compiler (no SFC plugin): `compilerOptions.isCustomElement`
// tells Vue the im-* tags are custom elements; `.prop` binds DOM properties; `@im-…` listens
// to the kit's DOM events.
import { createApp, defineComponent, markRaw, ref } from 'vue/dist/vue.esm-bundler.js';
import 'imkit';
import type { ImConversationSelectDetail } from 'imkit';
import { chatStrings, connect } from '../shared/connect.js';

// markRaw: the client must not be wrapped in a reactive Proxy (it has private state).
const client = markRaw(connect().client);

const App = defineComponent({
  setup() {
    const conversationID = ref<string | null>(null);
    const onSelect = (event: CustomEvent<ImConversationSelectDetail>) => {
      conversationID.value = event.detail.conversationID;
    };
    return { client, conversationID, onSelect, strings: chatStrings('Vue') };
  },
  template: `
    <div class="app">
      <div class="bar">
        <strong>Vue 3</strong>
        <span>selected: <output data-testid="selected">{{ conversationID ?? 'none' }}</output></span>
      </div>
      <main class="panes">
        <im-conversation-list :client.prop="client" :selected.prop="conversationID" @im-conversation-select="onSelect"></im-conversation-list>
        <im-chat :client.prop="client" :conversationID.prop="conversationID" :strings.prop="strings"></im-chat>
      </main>
    </div>`,
});

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('im-');
app.mount('#app');
