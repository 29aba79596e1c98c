import { describe, expect, it } from 'vitest';
import { createIntake, type IntakeChange } from './create-intake.js';
import { parsed } from './test-support/parsed-form.js';

const stepped = parsed({
  id: 'stepped',
  fields: [
    { type: 'text', name: 'company', label: 'Company', required: true },
    { type: 'email', name: 'email', label: 'Email', required: true },
    { type: 'text', name: 'note', label: 'Note' },
  ],
  steps: [
    { id: 'who', title: 'Who', fields: ['company'] },
    { id: 'how', title: 'How', fields: ['email'] },
    { id: 'more', fields: ['note'] },
  ],
});

const flat = parsed({ id: 'flat', fields: [{ type: 'text', name: 'company', label: 'Company', required: true }] });

describe('intake.steps', () => {
  it('starts on the first step of a multi-step form', () => {
    const { steps } = createIntake(stepped);
    expect(steps.count).toBe(3);
    expect(steps.list.map((step) => step.id)).toEqual(['who', 'how', 'more']);
    expect(steps.current).toBe(0);
    expect(steps.step?.id).toBe('who');
    expect(steps.isLast).toBe(false);
  });

  it('next() stays on an invalid step, with its errors shown and nothing of later steps touched', () => {
    const intake = createIntake(stepped);
    const result = intake.steps.next();
    expect(result.valid).toBe(false);
    expect(Object.keys(result.errors)).toEqual(['company']);
    expect(intake.steps.current).toBe(0);
    expect(intake.shownError('company')).toBeDefined();
    expect(intake.isTouched('email')).toBe(false);
  });

  it('next() moves on once the step is valid, and stops at the last step', () => {
    const intake = createIntake(stepped, { values: { company: 'Acme', email: 'a@example.com' } });
    expect(intake.steps.next().valid).toBe(true);
    expect(intake.steps.current).toBe(1);
    expect(intake.steps.next().valid).toBe(true);
    expect(intake.steps.current).toBe(2);
    expect(intake.steps.isLast).toBe(true);
    expect(intake.steps.next().valid).toBe(true);
    expect(intake.steps.current).toBe(2);
  });

  it('back() and goTo() move without validating; back() on the first step says false', () => {
    const intake = createIntake(stepped);
    expect(intake.steps.back()).toBe(false);
    intake.steps.goTo(2);
    expect(intake.steps.step?.id).toBe('more');
    expect(intake.steps.back()).toBe(true);
    expect(intake.steps.current).toBe(1);
    expect(intake.touched.size).toBe(0);
  });

  it('goTo() refuses a step the form does not have, saying how many it has', () => {
    const intake = createIntake(stepped);
    expect(() => intake.steps.goTo(3)).toThrow('steps.goTo(3): the form has 3 step(s)');
    expect(() => intake.steps.goTo(-1)).toThrow(RangeError);
    expect(() => intake.steps.goTo(0.5)).toThrow(RangeError);
  });

  it('stepOf() finds the step of a field', () => {
    const { steps } = createIntake(stepped);
    expect(steps.stepOf('email')).toBe(1);
    expect(steps.stepOf('note')).toBe(2);
    expect(steps.stepOf('missing')).toBeUndefined();
  });

  it('validateStep() checks only the current step', () => {
    const intake = createIntake(stepped, { values: { company: 'Acme' } });
    expect(intake.steps.validateStep().valid).toBe(true);
    intake.steps.goTo(1);
    expect(Object.keys(intake.steps.validateStep().errors)).toEqual(['email']);
    expect(intake.isTouched('note')).toBe(false);
  });

  it('notifies subscribers of a move with the new step, and every change carries the current step', () => {
    const intake = createIntake(stepped, { values: { company: 'Acme' } });
    const changes: IntakeChange[] = [];
    intake.subscribe((change) => changes.push(change));
    intake.steps.next();
    expect(changes.at(-1)).toEqual({ names: [], locale: false, step: 1 });
    intake.set('email', 'x');
    expect(changes.at(-1)!.step).toBe(1);
    const count = changes.length;
    intake.steps.goTo(1); // no move, no notification
    expect(changes).toHaveLength(count);
  });

  it('reset() goes back to the first step', () => {
    const intake = createIntake(stepped);
    intake.steps.goTo(2);
    const changes: IntakeChange[] = [];
    intake.subscribe((change) => changes.push(change));
    intake.reset();
    expect(intake.steps.current).toBe(0);
    expect(changes.at(-1)!.step).toBe(0);
  });

  it('a form without steps has one implicit step holding every field', () => {
    const intake = createIntake(flat);
    expect(intake.steps.count).toBe(0);
    expect(intake.steps.step).toBeUndefined();
    expect(intake.steps.isLast).toBe(true);
    expect(intake.steps.stepOf('company')).toBeUndefined();
    expect(Object.keys(intake.steps.next().errors)).toEqual(['company']);
    intake.steps.goTo(0);
    expect(intake.steps.current).toBe(0);
  });
});
