import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classTitle, isValidKae, kaeClasses, parseKae, serviceTitle } from '../../../src/domain/shared/codes/kae.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

test('ΚΑΕ: service, code and sub-code as real exports write them', () => {
  assert.equal(parseKae('25-6263.013'), { kae: '25-6263.013', side: 'expense', service: '25', code: '6263', klass: '6', group: '62', suffix: '013' });
  assert.equal(parseKae('00.8229.0006'), { kae: '00-8229.0006', side: 'expense', service: '00', code: '8229', klass: '8', group: '82', suffix: '0006' });
  assert.equal(parseKae('6142.022'), { kae: '6142.022', side: 'expense', service: null, code: '6142', klass: '6', group: '61', suffix: '022' });
  assert.equal(parseKae('20.6011'), { kae: '20-6011', side: 'expense', service: '20', code: '6011', klass: '6', group: '60', suffix: null });
  assert.equal(parseKae('0311'), { kae: '0311', side: 'revenue', service: null, code: '0311', klass: '0', group: '03', suffix: null });
});

test('ΚΑΕ: codes from the Athens budget export (NNNN, NNNN.NN, NNNN.NNN)', () => {
  assert.is(parseKae('9111.001').kae, '9111.001');
  assert.is(parseKae('0411.02').side, 'revenue');
  assert.is(parseKae('6492').group, '64');
});

test('ΚΑΕ: the sub-code is kept exactly as given, neither padded nor cut', () => {
  assert.is(parseKae('20-6011.1').kae, '20-6011.1');
  assert.is(parseKae('20-6011.001').kae, '20-6011.001');
  assert.is(parseKae('20-6011.0010').kae, '20-6011.0010');
});

test('ΚΑΕ: spaces, space separators and typographic dashes are tolerated', () => {
  assert.is(parseKae(' 20 - 6011 . 001 ').kae, '20-6011.001');
  assert.is(parseKae('20 6011').kae, '20-6011');
  assert.is(parseKae('20–6011').kae, '20-6011');
});

test('ΚΑΕ: classes 0-5 are revenue, 6-9 expense', () => {
  assert.equal(['0111', '1211', '2111', '3211', '4111', '5111'].map((code) => parseKae(code).side), Array(6).fill('revenue'));
  assert.equal(['6011', '7131', '8111', '9111'].map((code) => parseKae(code).side), Array(4).fill('expense'));
});

test('ΚΑΕ: what is not a ΚΑΕ is refused', () => {
  for (const raw of ['', '601', '60111', '20-60111', '6011.00001', '2-6011', '20/6011', 'ΚΑΕ 6011', '20-6011-001', '20..6011', '6011.']) {
    assert.not.ok(isValidKae(raw), raw);
    expectDomainError(() => parseKae(raw), 'OD_KAE_INVALID', 'kae');
  }
});

test('ΚΑΕ: every class and the services of ΚΥΑ 7028/2004 have Greek and English titles', () => {
  assert.equal(Object.keys(kaeClasses), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.is(classTitle('0').el, 'Τακτικά έσοδα');
  assert.is(classTitle('6').en, 'Operating expenses');
  assert.is(classTitle('9').el, 'Αποθεματικό');
  assert.is(serviceTitle('20')?.el, 'Υπηρεσίες καθαριότητας και ηλεκτροφωτισμού');
  assert.is(serviceTitle('25')?.en, 'Water supply, irrigation and sewerage services');
  assert.is(serviceTitle('99'), null);
});

test.run();
