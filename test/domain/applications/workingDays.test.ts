// Working days of the public services (issue 17 item 3): Orthodox Easter by the Julian computus, the
// Greek public holidays that follow it, Labour Day where the ministry put it, and deadlines counted from the
// day after filing. Pure: calendar days as yyyy-mm-dd.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { addWorkingDays, isWorkingDay, orthodoxEaster, publicHolidays, workingDaysBetween } from '../../../src/domain/applications/index.ts';

const test = suite('applications: working days and Greek public holidays');

test('orthodoxEaster gives the known dates of Orthodox Easter', () => {
  const known: Record<number, string> = {
    2016: '2016-05-01',
    2021: '2021-05-02',
    2023: '2023-04-16',
    2024: '2024-05-05',
    2025: '2025-04-20',
    2026: '2026-04-12',
    2027: '2027-05-02',
    // Some years Easter is the same Sunday for Orthodox and Western churches.
    2017: '2017-04-16',
    2034: '2034-04-09',
  };
  for (const [year, date] of Object.entries(known)) assert.is(orthodoxEaster(Number(year)), date, year);
});

test('orthodoxEaster refuses years outside the Gregorian calendar range it computes', () => {
  assert.throws(() => orthodoxEaster(1500), /1583/);
  assert.throws(() => orthodoxEaster(2026.5), /1583/);
});

test('the holidays of 2026: fixed days, Clean Monday, Good Friday, Easter Monday, Labour Day, Whit Monday', () => {
  assert.equal(publicHolidays(2026), [
    '2026-01-01', '2026-01-06', '2026-02-23', '2026-03-25', '2026-04-10', '2026-04-13',
    '2026-05-01', '2026-06-01', '2026-08-15', '2026-10-28', '2026-12-25', '2026-12-26',
  ]);
});

test('Labour Day stays on 1 May unless that year\'s ministerial decision moved it (2021, 2024 to Easter Tuesday)', () => {
  for (const [year, tuesday] of [[2021, '2021-05-04'], [2024, '2024-05-07']] as const) {
    assert.ok(publicHolidays(year).includes(tuesday), `${year}: ${tuesday}`);
    assert.not.ok(publicHolidays(year).includes(`${year}-05-01`), `${year}: not 1 May`);
  }
  assert.ok(isWorkingDay('2024-05-01'), 'Holy Wednesday 2024 was a working day for the public services');
  assert.not.ok(isWorkingDay('2024-05-07'));
  // 2013: 1 May on Holy Wednesday, kept there for the public services by the ministry's decision.
  assert.not.ok(isWorkingDay('2013-05-01'));
  assert.ok(isWorkingDay('2013-05-07'), 'Easter Tuesday 2013 was a working day');
  assert.ok(publicHolidays(2025).includes('2025-05-01'));
  assert.ok(publicHolidays(2027).includes('2027-05-01'), 'no decision yet for 2027: the law\'s day');
});

test('isWorkingDay: weekdays are, weekends and holidays are not, nor the extra local holidays', () => {
  assert.ok(isWorkingDay('2026-12-07'), 'a Monday');
  assert.not.ok(isWorkingDay('2026-12-05'), 'a Saturday');
  assert.not.ok(isWorkingDay('2026-12-06'), 'a Sunday');
  assert.not.ok(isWorkingDay('2026-12-25'), 'Christmas');
  assert.not.ok(isWorkingDay('2026-02-23'), 'Clean Monday');
  assert.not.ok(isWorkingDay('2026-04-10'), 'Good Friday');
  assert.not.ok(isWorkingDay('2026-06-01'), 'Whit Monday');
  assert.ok(isWorkingDay('2026-04-11') === false && isWorkingDay('2026-04-14'), 'Holy Saturday is a Saturday; Easter Tuesday works');
  // The patron saint of Lixouri's church, given by the municipality.
  assert.ok(isWorkingDay('2026-08-17'));
  assert.not.ok(isWorkingDay('2026-08-17', ['2026-08-17']));
});

test('addWorkingDays counts from the day after, over weekends and holidays', () => {
  assert.is(addWorkingDays('2026-12-07', 3), '2026-12-10', 'Monday + 3 = Thursday');
  assert.is(addWorkingDays('2026-12-04', 1), '2026-12-07', 'Friday + 1 = Monday');
  assert.is(addWorkingDays('2026-12-23', 3), '2026-12-29', 'over Christmas and the weekend');
  assert.is(addWorkingDays('2026-04-09', 1), '2026-04-14', 'Maundy Thursday + 1 skips Good Friday, the weekend and Easter Monday');
  assert.is(addWorkingDays('2026-12-31', 2), '2027-01-05', 'over New Year and the weekend into the next year');
  assert.is(addWorkingDays('2026-12-07', 2, ['2026-12-08']), '2026-12-10', 'a local holiday');
  assert.is(addWorkingDays('2026-12-07', 0), '2026-12-07');
  assert.is(addWorkingDays('2026-12-05', 20), '2027-01-05', 'a staff deadline of 20 working days, over Christmas and New Year');
});

test('workingDaysBetween is the inverse of addWorkingDays, negative when overdue', () => {
  for (const [from, n] of [['2026-12-07', 3], ['2026-04-01', 20], ['2026-12-20', 30], ['2027-04-26', 5]] as const)
    assert.is(workingDaysBetween(from, addWorkingDays(from, n)), n, `${from} + ${n}`);
  assert.is(workingDaysBetween('2026-12-07', '2026-12-07'), 0);
  assert.is(workingDaysBetween('2026-12-10', '2026-12-07'), -3);
  assert.is(workingDaysBetween('2026-12-24', '2026-12-28'), 1, 'Christmas, Boxing Day and the weekend do not count');
});

test('bad dates and counts are refused in Greek and English', () => {
  assert.throws(() => isWorkingDay('2026-02-30'), /Μη έγκυρη ημερομηνία.*Invalid date/);
  assert.throws(() => isWorkingDay('7/12/2026'), /Invalid date/);
  assert.throws(() => addWorkingDays('2026-12-07', -1), /non-negative/);
  assert.throws(() => addWorkingDays('2026-12-07', 1.5), /μη αρνητικός/);
});

test.run();
