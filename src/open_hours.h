// Open now / next open: whether a place with structured hours (Hours) is
// open at a moment, and when it next opens.
//
// Moments are wall-clock minutes in Asia/Tokyo: UTC+9 all year (Japan has
// no daylight saving time), whatever the machine's TZ says. A day is open
// when its weekday is in byday and no closure applies:
//  - "holidays": the days of the HolidayCalendar (国民の祝日, 振替休日 and
//    国民の休日). A date in a year the calendar does not cover is unknown,
//    never taken for a working day;
//  - "new-year": 12/29 to 1/3, the New Year closure of Japanese public
//    offices (行政機関の休日に関する法律 第1条第1項第3号: 12月29日から翌年
//    の1月3日まで), which is what the guideline's 「年末年始」 means.
// The place is open from opens_at up to, not including, closes_at.
// Pure functions (TokyoNow reads the clock, nothing else); thread-safe.
#ifndef TSUNAGU_OPEN_HOURS_H_
#define TSUNAGU_OPEN_HOURS_H_

#include <cstdint>
#include <string>

#include "model.h"
#include "status.h"

/// A wall-clock minute in Asia/Tokyo. year 0 = not set.
struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  bool set() const { return year != 0; }
};

/// The Tokyo wall clock at a Unix time (seconds since 1970-01-01 UTC).
LocalTime TokyoTime(int64_t unix_seconds);
/// Now, in Tokyo.
LocalTime TokyoNow();

/// Parses a moment as --at takes it: "2026-12-29 10:00" or ISO 8601
/// "2026-12-29T10:00", with optional seconds and an optional offset ("Z",
/// "+09:00"; none = Tokyo time), converted to Tokyo time. A usage error
/// naming the expected format otherwise.
Status ParseMoment(const std::string& text, LocalTime* out);

/// True for "YYYY-MM-DD" with a month 1-12 and a day 1-31 (how data files
/// write dates; the calendar's own days are checked further by its loader).
bool IsIsoDate(const std::string& date);

/// Days from one date to another ("YYYY-MM-DD", as checked dates are
/// written); false when either is not such a date.
bool DaysBetween(const std::string& from, const LocalTime& to, int64_t* days);

/// 0 = Monday ... 6 = Sunday.
int DayOfWeek(int year, int month, int day);

/// True from 12/29 to 1/3 (the public offices' New Year closure).
bool InNewYearClosure(int month, int day);

/// The holiday on that date, or nullptr (also when the year is not covered).
const Holiday* FindHoliday(const HolidayCalendar& calendar, int year, int month, int day);

/// True when the calendar lists the holidays of that year.
bool CoversYear(const HolidayCalendar& calendar, int year);

struct OpenStatus {
  enum State { kUnknown, kOpen, kClosed };
  State state = kUnknown;      // kUnknown: no schedule, or holidays unknown
  bool open_day = false;       // today is one of its days (closed: before or after hours)
  bool today_unknown = false;  // whether today is one of its days is unknown (holidays)
  bool has_next = false;       // next is known (only when closed)
  bool next_today = false;     // next is later today
  LocalTime next;              // the next opening
  int unknown_year = 0;        // a year whose holidays are unknown stopped the answer
};

/// The state of a place at `at`. `always` (a line answering 24 hours every
/// day) is open; hours without a schedule (byday empty) are unknown. Looks
/// for the next opening up to a year ahead.
OpenStatus OpenAt(const Hours& hours, bool always, const HolidayCalendar& calendar, const LocalTime& at);

/// "2026-12-02T09:00:00+09:00".
std::string IsoMoment(const LocalTime& t);

/// The words for a state: 「受付中」, 「本日休み、次は 12/2(火) 9:00」,
/// "open now", "closed today; next 2 Dec (Tue) 9:00"...; empty when
/// there is nothing to say (no schedule).
std::string OpenLabel(const OpenStatus& status, Lang lang);

#endif  // TSUNAGU_OPEN_HOURS_H_
