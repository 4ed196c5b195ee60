// Open now / next open (src/open_hours.cpp) with the shipped holiday
// calendar: holidays, a substitute holiday, a citizens' holiday, the New
// Year closure, a Monday closure, and the edges of the opening hours. Every
// moment is given: nothing here depends on the clock.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "load_data.h"
#include "load_model.h"
#include "open_hours.h"

namespace {

const HolidayCalendar& Calendar() {
  static const HolidayCalendar calendar = [] {
    std::string text;
    REQUIRE(ReadFile(TSUNAGU_SOURCE_DIR "/data/holidays.yaml", &text).ok());
    Model m;
    Status s = LoadHolidays(text, "data/holidays.yaml", &m);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return m.holidays;
  }();
  return calendar;
}

// The hikikomori centre: Tuesday to Saturday 9:00-18:00, closed on
// holidays and at the New Year (data/agencies.yaml).
Hours Centre() {
  Hours h;
  h.present = true;
  h.byday = {"TU", "WE", "TH", "FR", "SA"};
  h.opens_at = "09:00";
  h.closes_at = "18:00";
  h.closed = {"holidays", "new-year"};
  return h;
}

// Niigata City's mental health centre: weekdays 8:30-17:00, same closures.
Hours Weekdays() {
  Hours h = Centre();
  h.byday = {"MO", "TU", "WE", "TH", "FR"};
  h.opens_at = "08:30";
  h.closes_at = "17:00";
  return h;
}

LocalTime At(const std::string& text) {
  LocalTime t;
  Status s = ParseMoment(text, &t);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  return t;
}

OpenStatus Open(const Hours& h, const std::string& at) { return OpenAt(h, false, Calendar(), At(at)); }

// "open", or "closed next=<ISO>", or "closed next=?" / "unknown", with
// the Japanese and English labels.
std::string Say(const Hours& h, const std::string& at) {
  OpenStatus s = Open(h, at);
  std::string out = s.state == OpenStatus::kOpen ? "open" : s.state == OpenStatus::kClosed ? "closed" : "unknown";
  if (s.state == OpenStatus::kClosed) out += " next=" + (s.has_next ? IsoMoment(s.next) : std::string("?"));
  return out + " | " + OpenLabel(s, Lang::kJa) + " | " + OpenLabel(s, Lang::kEn);
}

}  // namespace

TEST_CASE("open hours: Tokyo time whatever TZ says") {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "America/New_York", 1);
  tzset();
  LocalTime t = TokyoTime(1796285912);  // 2026-12-03 08:18:32 UTC
  CHECK(IsoMoment(t) == "2026-12-03T17:18:00+09:00");
  CHECK(IsoMoment(TokyoTime(0)) == "1970-01-01T09:00:00+09:00");
  CHECK(IsoMoment(TokyoTime(15 * 3600)) == "1970-01-02T00:00:00+09:00");  // the date changes at 15:00 UTC
  LocalTime now = TokyoNow(), expected = TokyoTime(static_cast<int64_t>(std::time(nullptr)));
  CHECK(now.year == expected.year);
  CHECK(now.day == expected.day);
  if (old) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

TEST_CASE("open hours: --at takes a local time or ISO 8601, converted to Tokyo") {
  CHECK(IsoMoment(At("2026-12-29 10:00")) == "2026-12-29T10:00:00+09:00");
  CHECK(IsoMoment(At("2026-12-29T10:00")) == "2026-12-29T10:00:00+09:00");
  CHECK(IsoMoment(At("2026-12-29T10:00:59")) == "2026-12-29T10:00:00+09:00");
  CHECK(IsoMoment(At("2026-12-29T10:00+09:00")) == "2026-12-29T10:00:00+09:00");
  CHECK(IsoMoment(At("2026-12-29T01:00Z")) == "2026-12-29T10:00:00+09:00");
  CHECK(IsoMoment(At("2026-12-31T20:00-05:00")) == "2027-01-01T10:00:00+09:00");
  CHECK(IsoMoment(At("2028-02-29 00:00")) == "2028-02-29T00:00:00+09:00");
  LocalTime t;
  Status bad = ParseMoment("2026-12-29", &t);
  CHECK(bad.kind() == ErrorKind::kUsage);
  CHECK(bad.ToString() ==
        "--at '2026-12-29' is not a valid time: expected \"YYYY-MM-DD HH:MM\" (Asia/Tokyo), e.g. \"2026-12-29 "
        "10:00\", or ISO 8601 such as 2026-12-29T10:00 or 2026-12-29T10:00+09:00");
  for (const char* text : {"", "2026-13-01 10:00", "2026-02-29 10:00", "2026-12-29 24:00", "2026-12-29 10:60",
                           "2026/12/29 10:00", "2026-12-29 10:00 JST", "2026-12-29T10:00+9", "26-12-29 10:00",
                           "2026-12-29  10:00", "2026-12-29 9:00", "1969-12-31 10:00", "2026-12-29T10:00+24:00"}) {
    INFO(text);
    CHECK(ParseMoment(text, &t).kind() == ErrorKind::kUsage);
  }
}

TEST_CASE("open hours: weekdays and the shipped calendar obey the holiday law") {
  CHECK(DayOfWeek(2026, 12, 3) == 3);  // Thursday
  CHECK(DayOfWeek(2027, 3, 21) == 6);  // Sunday: 3/22 is its substitute
  CHECK(DayOfWeek(2026, 5, 3) == 6);   // Sunday: 5/6 is its substitute
  CHECK(DayOfWeek(2026, 9, 22) == 1);  // Tuesday between two holidays
  const HolidayCalendar& c = Calendar();
  CHECK(c.from == 2026);
  CHECK(c.to == 2027);
  CHECK(c.days.size() == 35);  // 18 in 2026, 17 in 2027
  REQUIRE(FindHoliday(c, 2026, 5, 6) != nullptr);
  CHECK(FindHoliday(c, 2026, 5, 6)->kind == "substitute");
  REQUIRE(FindHoliday(c, 2026, 9, 22) != nullptr);
  CHECK(FindHoliday(c, 2026, 9, 22)->kind == "citizens");
  CHECK(FindHoliday(c, 2027, 3, 22)->name.ja == "振替休日");
  CHECK(FindHoliday(c, 2026, 12, 3) == nullptr);
  CHECK(FindHoliday(c, 2028, 1, 1) == nullptr);  // not covered
  // 祝日法 第3条: a substitute follows a run of holidays that began on a
  // Sunday; a citizens' holiday lies between two national holidays.
  for (const Holiday& h : c.days) {
    INFO(h.date);
    int y = std::stoi(h.date.substr(0, 4)), m = std::stoi(h.date.substr(5, 2)), d = std::stoi(h.date.substr(8, 2));
    if (h.kind == "substitute") {
      int back = 1;
      while (FindHoliday(c, y, m, d - back) && DayOfWeek(y, m, d - back) != 6) ++back;
      CHECK(DayOfWeek(y, m, d - back) == 6);
      CHECK(FindHoliday(c, y, m, d - back) != nullptr);
    } else if (h.kind == "citizens") {
      CHECK(FindHoliday(c, y, m, d - 1)->kind == "national");
      CHECK(FindHoliday(c, y, m, d + 1)->kind == "national");
    } else {
      CHECK(h.kind == "national");
    }
  }
}

TEST_CASE("open hours: within, before and after the hours, and on the closing minute") {
  const Hours h = Centre();
  CHECK(Say(h, "2026-12-01 10:00") == "open | 受付中 | open now");
  CHECK(Say(h, "2026-12-01 09:00") == "open | 受付中 | open now");
  CHECK(Say(h, "2026-12-01 08:59") ==
        "closed next=2026-12-01T09:00:00+09:00 | 受付前、本日 9:00 から | opens today 9:00");
  CHECK(Say(h, "2026-12-01 17:59") == "open | 受付中 | open now");
  CHECK(Say(h, "2026-12-01 18:00") ==
        "closed next=2026-12-02T09:00:00+09:00 | 本日の受付終了、次は 12/2(水) 9:00 | "
        "closed for today; next 2 Dec (Wed) 9:00");
  CHECK(Say(h, "2026-12-01 23:59") == Say(h, "2026-12-01 18:00"));
  CHECK(Say(Weekdays(), "2026-12-03 08:29") ==
        "closed next=2026-12-03T08:30:00+09:00 | 受付前、本日 8:30 から | opens today 8:30");
  CHECK(Say(Weekdays(), "2026-12-03T16:59") == "open | 受付中 | open now");
}

TEST_CASE("open hours: a Monday closure (the centre opens Tuesday to Saturday)") {
  const Hours h = Centre();
  CHECK(Say(h, "2026-11-30 10:00") ==
        "closed next=2026-12-01T09:00:00+09:00 | 本日休み、次は 12/1(火) 9:00 | closed today; next 1 Dec (Tue) 9:00");
  CHECK(Say(h, "2026-12-05 18:30") ==  // Saturday evening: Sunday and Monday closed
        "closed next=2026-12-08T09:00:00+09:00 | 本日の受付終了、次は 12/8(火) 9:00 | "
        "closed for today; next 8 Dec (Tue) 9:00");
  CHECK(Say(h, "2026-12-06 10:00").rfind("closed next=2026-12-08T09:00:00+09:00 | 本日休み", 0) == 0);
  CHECK(Say(Weekdays(), "2026-11-30 10:00") == "open | 受付中 | open now");
}

TEST_CASE("open hours: national holidays, a substitute holiday and a citizens' holiday") {
  const Hours h = Centre();
  // 文化の日, a Tuesday.
  CHECK(Say(h, "2026-11-03 10:00") ==
        "closed next=2026-11-04T09:00:00+09:00 | 本日休み、次は 11/4(水) 9:00 | closed today; next 4 Nov (Wed) 9:00");
  // Golden Week: 5/3 (Sun), 5/4, 5/5 and the substitute 5/6 (Wed).
  CHECK(Say(h, "2026-05-02 18:00").rfind("closed next=2026-05-07T09:00:00+09:00", 0) == 0);
  CHECK(Say(h, "2026-05-06 10:00") ==
        "closed next=2026-05-07T09:00:00+09:00 | 本日休み、次は 5/7(木) 9:00 | closed today; next 7 May (Thu) 9:00");
  CHECK(Say(h, "2026-05-07 10:00") == "open | 受付中 | open now");
  // 国民の休日 9/22 (Tue) between 敬老の日 9/21 and 秋分の日 9/23.
  CHECK(Say(h, "2026-09-22 10:00") ==
        "closed next=2026-09-24T09:00:00+09:00 | 本日休み、次は 9/24(木) 9:00 | closed today; next 24 Sep (Thu) 9:00");
  // 2027: 春分の日 falls on a Sunday; the substitute is Monday 3/22.
  CHECK(Say(Weekdays(), "2027-03-19 17:00").rfind("closed next=2027-03-23T08:30:00+09:00", 0) == 0);
  // A place that does not close on holidays is open on them.
  Hours open_on_holidays = h;
  open_on_holidays.closed = {"new-year"};
  CHECK(Say(open_on_holidays, "2026-09-22 10:00") == "open | 受付中 | open now");
}

TEST_CASE("open hours: the New Year closure is 12/29 to 1/3") {
  CHECK(InNewYearClosure(12, 29));
  CHECK(InNewYearClosure(1, 3));
  CHECK_FALSE(InNewYearClosure(12, 28));
  CHECK_FALSE(InNewYearClosure(1, 4));
  const Hours h = Centre();
  CHECK(Say(h, "2026-12-29 10:00") ==
        "closed next=2027-01-05T09:00:00+09:00 | 本日休み、次は 1/5(火) 9:00 | closed today; next 5 Jan (Tue) 9:00");
  CHECK(Say(h, "2026-12-26 18:00").rfind("closed next=2027-01-05T09:00:00+09:00 | 本日の受付終了", 0) == 0);
  CHECK(Say(h, "2027-01-02 10:00").rfind("closed next=2027-01-05T09:00:00+09:00 | 本日休み", 0) == 0);
  CHECK(Say(Weekdays(), "2026-12-28 16:00") == "open | 受付中 | open now");
  CHECK(Say(Weekdays(), "2026-12-28 17:00").rfind("closed next=2027-01-04T08:30:00+09:00", 0) == 0);
  CHECK(Say(Weekdays(), "2027-01-04 08:30") == "open | 受付中 | open now");
  // 成人の日 (the second Monday of January) comes a week later.
  CHECK(Say(Weekdays(), "2027-01-11 10:00").rfind("closed next=2027-01-12T08:30:00+09:00", 0) == 0);
  Hours no_new_year = h;
  no_new_year.closed = {"holidays"};
  CHECK(Say(no_new_year, "2026-12-29 10:00") == "open | 受付中 | open now");
}

TEST_CASE("open hours: outside the calendar's years, holidays are unknown") {
  const Hours h = Centre();
  CHECK(Say(h, "2028-03-01 10:00") == "unknown | 祝日不明(2028年) | holidays unknown (2028)");
  // Outside the hours it is closed for sure; the next opening is unknown.
  CHECK(Say(h, "2028-03-01 20:00") ==
        "closed next=? | 受付時間外、次は不明(2028年の祝日不明) | "
        "outside hours; next unknown (holidays unknown for 2028)");
  // The New Year closure is known without the calendar; 1/4/2028 is not.
  CHECK(Say(h, "2027-12-28 19:00") ==
        "closed next=? | 本日の受付終了、次は不明(2028年の祝日不明) | "
        "closed for today; next unknown (holidays unknown for 2028)");
  CHECK(Say(h, "2025-12-02 10:00") == "unknown | 祝日不明(2025年) | holidays unknown (2025)");
  // Hours that do not close on holidays need no calendar.
  Hours every_day = h;
  every_day.closed = {"new-year"};
  CHECK(Say(every_day, "2030-03-05 10:00") == "open | 受付中 | open now");
  CHECK(Say(every_day, "2030-03-04 10:00").rfind("closed next=2030-03-05T09:00:00+09:00", 0) == 0);
  // No calendar at all: the same.
  CHECK(OpenAt(h, false, HolidayCalendar(), At("2026-12-01 10:00")).state == OpenStatus::kUnknown);
}

TEST_CASE("open hours: always open, text-only hours, no hours, no moment") {
  Hours text_only;
  text_only.present = true;
  text_only.text = {"つながる先による", "the routed office's hours"};
  OpenStatus always = OpenAt(text_only, true, Calendar(), At("2026-12-31 03:00"));
  CHECK(always.state == OpenStatus::kOpen);
  CHECK_FALSE(always.has_next);
  OpenStatus text = OpenAt(text_only, false, Calendar(), At("2026-12-01 10:00"));
  CHECK(text.state == OpenStatus::kUnknown);
  CHECK(OpenLabel(text, Lang::kJa).empty());
  CHECK(OpenAt(Hours(), false, Calendar(), At("2026-12-01 10:00")).state == OpenStatus::kUnknown);
  CHECK(OpenAt(Centre(), false, Calendar(), LocalTime()).state == OpenStatus::kUnknown);
}
