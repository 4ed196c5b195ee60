#include "text_wrap.h"

#include <string_view>

#include "utf8.h"

namespace {

// Marks that close a phrase and must not begin a line (JIS X 4051's
// 行頭禁則, the common subset).
bool ClosesPhrase(std::string_view unit) {
  static constexpr std::string_view kClosing[] = {"、", "。", "，", "．", "」", "』", "）", "】", "〕", "〉", "》",
                                                  "・", "：", "；", "？", "！", "ー", "…",  "ゃ", "ゅ", "ょ", "っ",
                                                  "ャ", "ュ", "ョ", "ッ", ")",  ",",  ".",  ":",  ";"};
  for (std::string_view c : kClosing)
    if (unit == c) return true;
  return false;
}

// Marks that open a phrase and must not end a line (行末禁則).
bool OpensPhrase(std::string_view unit) {
  static constexpr std::string_view kOpening[] = {"「", "『", "（", "【", "〔", "〈", "《"};
  for (std::string_view c : kOpening)
    if (unit == c) return true;
  return false;
}

}  // namespace

std::vector<std::string> Wrap(const std::string& s, int width) {
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  std::vector<size_t> units;  // where each unit of `line` starts
  for (size_t i = 0; i < s.size();) {
    // The next unit: a run of ASCII non-spaces, a space, or one character.
    size_t start = i;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && c != ' ') {
      while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && s[i] != ' ') ++i;
    } else {
      DecodeUtf8(s, &i);
    }
    std::string unit = s.substr(start, i - start);
    const int w = DisplayWidth(unit);
    if (used + w > width && used > 0) {
      // Units move down with the one that does not fit while the next line
      // would start with a closing mark or this one end with an opening
      // mark, as long as something stays on this line.
      size_t keep = units.size();
      auto unit_at = [&](size_t k) {
        return std::string_view(line).substr(units[k], (k + 1 < units.size() ? units[k + 1] : line.size()) - units[k]);
      };
      std::string_view next = unit;
      while (keep > 1 && unit_at(keep - 1) != " " && (ClosesPhrase(next) || OpensPhrase(unit_at(keep - 1))))
        next = unit_at(--keep);
      std::string carried = keep < units.size() ? line.substr(units[keep]) : "";
      line.resize(keep < units.size() ? units[keep] : line.size());
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(line);
      line.clear();
      units.clear();
      used = 0;
      if (unit == " " && carried.empty()) continue;
      if (!carried.empty()) {
        units.push_back(0);  // carried units count as one: they stay together
        line = carried;
        used = DisplayWidth(carried);
      }
    }
    units.push_back(line.size());
    line += unit;
    used += w;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}
