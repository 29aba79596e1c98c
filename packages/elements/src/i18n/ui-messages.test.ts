import { expect } from '@open-wc/testing';
import { registerUiMessages, uiMessages } from './ui-messages.js';

describe('uiMessages', () => {
  it('answers English for a locale named like an Object member (the page lang comes from outside)', () => {
    for (const locale of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(uiMessages(locale)).to.equal(uiMessages('en'));
      expect(uiMessages(locale).retry).to.equal('Try again');
    }
  });

  it('finds a locale by its language, and one registered later', () => {
    expect(uiMessages('zh-Hans')).to.equal(uiMessages('zh-CN'));
    registerUiMessages('toString', { ...uiMessages('en'), retry: 'again' });
    expect(uiMessages('toString').retry).to.equal('again');
  });
});
