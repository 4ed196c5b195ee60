#include "open_hours.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "messages.h"

namespace {

constexpr int kTokyoOffsetMinutes = 9 * 60;  // UTC+9, no daylight saving time
constexpr int kMinutesPerDay = 24 * 60;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil), and back: no time zone or library calendar involved.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Tokyo wall-clock minutes since 1970-01-01 00:00 (Tokyo) → LocalTime.
LocalTime FromMinutes(int64_t minutes) {
  LocalTime t;
  int64_t days = FloorDiv(minutes, kMinutesPerDay);
  int64_t rest = minutes - days * kMinutesPerDay;
  CivilFromDays(days, &t.year, &t.month, &t.day);
  t.hour = static_cast<int>(rest / 60);
  t.minute = static_cast<int>(rest % 60);
  return t;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly n digits at text[*i].
bool Digits(const std::string& text, size_t* i, int n, int* out) {
  if (*i + static_cast<size_t>(n) > text.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = text[*i + static_cast<size_t>(k)];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *i += static_cast<size_t>(n);
  *out = v;
  return true;
}

bool Expect(const std::string& text, size_t* i, char c) {
  if (*i >= text.size() || text[*i] != c) return false;
  ++*i;
  return true;
}

std::string Two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

std::string DateKey(int y, int m, int d) { return std::to_string(y) + "-" + Two(m) + "-" + Two(d); }

int Minutes(const std::string& hhmm) {
  return ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
}

bool ValidTime(const std::string& t) {
  return t.size() == 5 && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) && t[2] == ':' &&
         std::isdigit(static_cast<unsigned char>(t[3])) && std::isdigit(static_cast<unsigned char>(t[4]));
}

// Whether the place opens on that day: 1 yes, 0 no, -1 unknown (its
// holidays are not in the calendar).
int DayState(const Hours& h, const HolidayCalendar& calendar, int64_t day, int* unknown_year) {
  static const char* const kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  const char* code = kCodes[DayOfWeek(y, m, d)];
  if (std::find(h.byday.begin(), h.byday.end(), code) == h.byday.end()) return 0;
  auto closes = [&](const char* what) { return std::find(h.closed.begin(), h.closed.end(), what) != h.closed.end(); };
  if (closes("new-year") && InNewYearClosure(m, d)) return 0;
  if (closes("holidays")) {
    if (!CoversYear(calendar, y)) {
      *unknown_year = y;
      return -1;
    }
    if (FindHoliday(calendar, y, m, d)) return 0;
  }
  return 1;
}

std::string ShortTime(const LocalTime& t) { return std::to_string(t.hour) + ":" + Two(t.minute); }

// 「12/2(火) 9:00」 / "2 Dec (Tue) 9:00".
std::string ShortDate(const LocalTime& t, Lang lang) {
  static const char* const kJa[] = {"月", "火", "水", "木", "金", "土", "日"};
  static const char* const kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int wd = DayOfWeek(t.year, t.month, t.day);
  if (lang == Lang::kJa)
    return std::to_string(t.month) + "/" + std::to_string(t.day) + "(" + kJa[wd] + ") " + ShortTime(t);
  return std::to_string(t.day) + " " + kMonths[t.month - 1] + " (" + kEn[wd] + ") " + ShortTime(t);
}

}  // namespace

bool IsIsoDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool DaysBetween(const std::string& from, const LocalTime& to, int64_t* days) {
  if (!IsIsoDate(from)) return false;
  const int y = std::stoi(from.substr(0, 4)), m = std::stoi(from.substr(5, 2)), d = std::stoi(from.substr(8, 2));
  *days = DaysFromCivil(to.year, to.month, to.day) - DaysFromCivil(y, m, d);
  return true;
}

LocalTime TokyoTime(int64_t unix_seconds) { return FromMinutes(FloorDiv(unix_seconds, 60) + kTokyoOffsetMinutes); }

LocalTime TokyoNow() { return TokyoTime(static_cast<int64_t>(std::time(nullptr))); }

Status ParseMoment(const std::string& text, LocalTime* out) {
  const Status bad = Status::Usage(
      TrF("--at '{}' is not a valid time: expected \"YYYY-MM-DD HH:MM\" (Asia/Tokyo), e.g. \"2026-12-29 10:00\", or "
          "ISO 8601 such as 2026-12-29T10:00 or 2026-12-29T10:00+09:00",
          text));
  size_t i = 0;
  LocalTime t;
  int second = 0;
  if (!Digits(text, &i, 4, &t.year) || !Expect(text, &i, '-') || !Digits(text, &i, 2, &t.month) ||
      !Expect(text, &i, '-') || !Digits(text, &i, 2, &t.day))
    return bad;
  if (i >= text.size() || (text[i] != ' ' && text[i] != 'T')) return bad;
  ++i;
  if (!Digits(text, &i, 2, &t.hour) || !Expect(text, &i, ':') || !Digits(text, &i, 2, &t.minute)) return bad;
  if (i < text.size() && text[i] == ':' && (++i, !Digits(text, &i, 2, &second))) return bad;
  int offset = kTokyoOffsetMinutes;
  if (i < text.size() && text[i] == 'Z') {
    offset = 0;
    ++i;
  } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    int sign = text[i] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    ++i;
    if (!Digits(text, &i, 2, &oh) || !Expect(text, &i, ':') || !Digits(text, &i, 2, &om) || oh > 23 || om > 59)
      return bad;
    offset = sign * (oh * 60 + om);
  }
  if (i != text.size()) return bad;
  if (t.year < 1970 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > DaysInMonth(t.year, t.month) ||
      t.hour > 23 || t.minute > 59 || second > 59)
    return bad;
  int64_t minutes = DaysFromCivil(t.year, t.month, t.day) * kMinutesPerDay + t.hour * 60 + t.minute;
  *out = FromMinutes(minutes - offset + kTokyoOffsetMinutes);
  return Status::Ok();
}

int DayOfWeek(int year, int month, int day) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (DaysFromCivil(year, month, day) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool InNewYearClosure(int month, int day) { return (month == 12 && day >= 29) || (month == 1 && day <= 3); }

bool CoversYear(const HolidayCalendar& calendar, int year) {
  return calendar.from > 0 && year >= calendar.from && year <= calendar.to;
}

const Holiday* FindHoliday(const HolidayCalendar& calendar, int year, int month, int day) {
  if (!CoversYear(calendar, year)) return nullptr;
  const std::string key = DateKey(year, month, day);
  auto it = std::lower_bound(calendar.days.begin(), calendar.days.end(), key,
                             [](const Holiday& h, const std::string& k) { return h.date < k; });
  return it != calendar.days.end() && it->date == key ? &*it : nullptr;
}

OpenStatus OpenAt(const Hours& hours, bool always, const HolidayCalendar& calendar, const LocalTime& at) {
  OpenStatus s;
  if (always) {
    s.state = OpenStatus::kOpen;
    return s;
  }
  if (!hours.present || hours.byday.empty() || !ValidTime(hours.opens_at) || !ValidTime(hours.closes_at) || !at.set())
    return s;
  const int opens = Minutes(hours.opens_at), closes = Minutes(hours.closes_at);
  const int now = at.hour * 60 + at.minute;
  const int64_t today = DaysFromCivil(at.year, at.month, at.day);
  int unknown_year = 0;
  const int today_state = DayState(hours, calendar, today, &unknown_year);
  const bool in_hours = now >= opens && now < closes;
  s.open_day = today_state == 1;
  s.today_unknown = today_state < 0;
  if (in_hours && today_state == 1) {
    s.state = OpenStatus::kOpen;
    return s;
  }
  if (in_hours && today_state < 0) {
    s.unknown_year = unknown_year;
    return s;  // kUnknown: it may be a holiday
  }
  s.state = OpenStatus::kClosed;
  // A year ahead is more than enough: the longest closure is days long.
  for (int64_t day = today_state != 0 && now < opens ? today : today + 1; day <= today + 366; ++day) {
    int state = DayState(hours, calendar, day, &unknown_year);
    if (state < 0) {
      s.unknown_year = unknown_year;
      return s;
    }
    if (state == 1) {
      s.has_next = true;
      s.next_today = day == today;
      s.next = FromMinutes(day * kMinutesPerDay + opens);
      return s;
    }
  }
  return s;
}

std::string IsoMoment(const LocalTime& t) {
  return DateKey(t.year, t.month, t.day) + "T" + Two(t.hour) + ":" + Two(t.minute) + ":00+09:00";
}

std::string OpenLabel(const OpenStatus& s, Lang lang) {
  const bool ja = lang == Lang::kJa;
  switch (s.state) {
    case OpenStatus::kOpen: return ja ? "受付中" : "open now";
    case OpenStatus::kUnknown:
      if (!s.unknown_year) return "";
      return ja ? "祝日不明(" + std::to_string(s.unknown_year) + "年)"
                : "holidays unknown (" + std::to_string(s.unknown_year) + ")";
    case OpenStatus::kClosed: break;
  }
  if (s.has_next && s.next_today)
    return ja ? "受付前、本日 " + ShortTime(s.next) + " から" : "opens today " + ShortTime(s.next);
  std::string closed = s.open_day        ? (ja ? "本日の受付終了" : "closed for today")
                       : s.today_unknown ? (ja ? "受付時間外" : "outside hours")
                                         : (ja ? "本日休み" : "closed today");
  if (s.has_next) return closed + (ja ? "、次は " : "; next ") + ShortDate(s.next, lang);
  if (!s.unknown_year) return closed;
  return closed + (ja ? "、次は不明(" + std::to_string(s.unknown_year) + "年の祝日不明)"
                      : "; next unknown (holidays unknown for " + std::to_string(s.unknown_year) + ")");
}
