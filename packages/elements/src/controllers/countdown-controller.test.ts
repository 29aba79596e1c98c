import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CountdownController } from './countdown-controller.js';

class CountdownHost extends LitElement {
  done = 0;
  readonly countdown = new CountdownController(this, { onDone: () => (this.done += 1) });
  override render() {
    return html`<p>${this.countdown.secondsLeft}</p>`;
  }
}
customElements.define('countdown-controller-host', CountdownHost);

const shown = (host: CountdownHost) => host.renderRoot.querySelector('p')!.textContent;

describe('CountdownController', () => {
  it('counts down in whole seconds, updating its host, then calls onDone once', async () => {
    const host = await fixture<CountdownHost>(html`<countdown-controller-host></countdown-controller-host>`);
    expect(host.countdown.running).to.equal(false);
    host.countdown.start(1300);
    host.requestUpdate();
    await host.updateComplete;
    expect(shown(host)).to.equal('2');
    expect(host.countdown.running).to.equal(true);
    await waitUntil(() => shown(host) === '1', 'the host shows 1 second left', { timeout: 1500 });
    await waitUntil(() => host.done === 1, 'onDone called', { timeout: 1500 });
    expect(host.countdown.secondsLeft).to.equal(0);
    expect(host.countdown.running).to.equal(false);
    await aTimeout(100);
    expect(host.done).to.equal(1);
  });

  it('stops when asked, and when the host leaves the page', async () => {
    const host = await fixture<CountdownHost>(html`<countdown-controller-host></countdown-controller-host>`);
    host.countdown.start(150);
    host.countdown.stop();
    await aTimeout(250);
    expect(host.done).to.equal(0);
    host.countdown.start(150);
    host.remove();
    await aTimeout(250);
    expect(host.done).to.equal(0);
    expect(host.countdown.running).to.equal(false);
  });
});
