// Angular (standalone component, zoneless, JIT): CUSTOM_ELEMENTS_SCHEMA lets the template use
// the im-* tags; `[prop]` binds DOM properties and `(im-…)` listens to the kit's DOM events.
// JIT: @angular/compiler is bundled by Vite and compiles the template in the browser, so the
// example builds with the same Vite config as the others (no Angular CLI; see README).
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'imkit';
import type { ImConversationSelectDetail } from 'imkit';
import { chatStrings, connect } from '../shared/connect.js';

const { client } = connect();

@Component({
  selector: 'app-root',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  host: { class: 'app' },
  template: `
    <div class="bar">
      <strong>Angular</strong>
      <span>selected: <output data-testid="selected">{{ conversationID() ?? 'none' }}</output></span>
    </div>
    <main class="panes">
      <im-conversation-list [client]="client" [selected]="conversationID()" (im-conversation-select)="onSelect($event)"></im-conversation-list>
      <im-chat [client]="client" [conversationID]="conversationID()" [strings]="strings"></im-chat>
    </main>
  `,
})
class AppComponent {
  readonly client = client;
  readonly strings = chatStrings('Angular');
  readonly conversationID = signal<string | null>(null);

  onSelect(event: Event): void {
    this.conversationID.set((event as CustomEvent<ImConversationSelectDetail>).detail.conversationID);
  }
}

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((err) => console.error(err));
