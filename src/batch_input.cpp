#include "batch_input.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

#include "utf8.h"

namespace {

// Reads lines of at most kMaxRecordBytes; longer lines are consumed to
// their end and flagged, so one bad line never swallows the next.
class LineReader {
 public:
  explicit LineReader(FILE* file) : file_(file) {}

  /// False at end of input. Strips "\n", "\r\n" and a leading UTF-8 BOM.
  bool Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;  // a line exists once a byte or a newline is read
    for (;;) {
      if (pos_ == end_ && !Fill()) break;
      any = true;
      const char* start = buffer_ + pos_;
      const size_t left = end_ - pos_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', left));
      const size_t n = newline ? static_cast<size_t>(newline - start) : left;
      const size_t room = kMaxRecordBytes + 1 - std::min(line->size(), kMaxRecordBytes + 1);
      line->append(start, std::min(n, room));
      if (n > room) *too_long = true;
      pos_ += n;
      if (newline) {
        ++pos_;
        break;
      }
    }
    if (!any) return false;
    ++number_;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->size() > kMaxRecordBytes) *too_long = true;
    if (number_ == 1 && line->compare(0, 3, "\xEF\xBB\xBF") == 0) line->erase(0, 3);
    return true;
  }
  size_t number() const { return number_; }

 private:
  // Reads the next block; a getc per byte cost more than finding the lines.
  bool Fill() {
    pos_ = 0;
    end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
    return end_ > 0;
  }

  FILE* file_;
  size_t number_ = 0;
  char buffer_[64 * 1024];
  size_t pos_ = 0, end_ = 0;
};

void SetError(Record* r, const char* kind, std::string message) {
  r->error_kind = kind;
  r->error = std::move(message);
}

// Checks the text of a good record: valid UTF-8 and not empty.
void CheckText(Record* r) {
  size_t bad = 0;
  if (!IsValidUtf8(r->text, &bad)) {
    SetError(r, "invalid-utf8", "text is not valid UTF-8 (or holds a NUL byte) at byte offset " + std::to_string(bad));
    return;
  }
  // Line breaks too: a quoted CSV field may hold only those.
  bool blank = std::all_of(r->text.begin(), r->text.end(),
                           [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (blank) SetError(r, "empty-text", "the text is empty");
}

std::string TooLongMessage() {
  return "record is longer than " + std::to_string(kMaxRecordBytes) + " bytes";
}

// One record per line (text and JSON Lines): reads the next line into a
// fresh record numbered by its line; false at the end of input. A line
// over the limit comes back as a too-long error record.
bool NextLineRecord(LineReader& lines, Record* r, std::string* line) {
  r->Clear();  // before reading: line may be r->text itself
  bool too_long = false;
  if (!lines.Next(line, &too_long)) return false;
  r->number = r->line = lines.number();
  r->id = std::to_string(r->number);
  if (too_long) {
    line->clear();
    SetError(r, "too-long", TooLongMessage());
  }
  return true;
}

class TextReader : public RecordReader {
 public:
  explicit TextReader(FILE* file) : lines_(file) {}
  bool Next(Record* r) override {
    if (!NextLineRecord(lines_, r, &r->text)) return false;
    if (r->error.empty()) CheckText(r);
    return true;
  }

 private:
  LineReader lines_;
};

// An age column value: empty = not given; else a whole number 0..120.
bool ParseAge(const std::string& text, int* age) {
  if (text.empty()) return true;
  if (text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  *age = std::stoi(text);
  return *age <= 120;
}

class JsonlReader : public RecordReader {
 public:
  explicit JsonlReader(FILE* file) : lines_(file) {}
  bool Next(Record* r) override {
    std::string line;
    if (!NextLineRecord(lines_, r, &line)) return false;
    if (!r->error.empty()) return true;
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return SetError(r, "invalid-utf8", "line is not valid UTF-8 at byte offset " + std::to_string(bad)), true;
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return SetError(r, "json", std::string("not a JSON object: ") + e.what()), true;
    }
    if (!object.is_object()) return SetError(r, "json", "not a JSON object"), true;
    auto id = object.find("id");
    if (id != object.end()) {
      if (id->is_string()) r->id = id->get<std::string>();
      else if (id->is_number_integer()) r->id = std::to_string(id->get<long long>());
      else if (!id->is_null()) return SetError(r, "json", "\"id\" must be a string or a whole number"), true;
    }
    auto text = object.find("text");
    if (text == object.end() || !text->is_string())
      return SetError(r, "json", "missing \"text\" string"), true;
    r->text = text->get<std::string>();
    for (const char* key : {"age", "parent_age"}) {
      auto value = object.find(key);
      if (value == object.end() || value->is_null()) continue;
      if (!value->is_number_integer() || value->get<long long>() < 0 || value->get<long long>() > 120)
        return SetError(r, "bad-age", std::string("\"") + key + "\" must be a whole number 0-120"), true;
      (std::string(key) == "age" ? r->age : r->parent_age) = value->get<int>();
    }
    CheckText(r);
    return true;
  }

 private:
  LineReader lines_;
};

// RFC 4180 CSV: fields separated by commas, optionally in double quotes
// (a quote inside is doubled); a quoted field may span lines.
class CsvReader : public RecordReader {
 public:
  explicit CsvReader(FILE* file) : lines_(file) {}

  Status Open() override {
    std::string line;
    bool too_long = false;
    if (!lines_.Next(&line, &too_long)) return Status::Input("the CSV input is empty: it needs a header line with a 'text' column");
    if (too_long) return Status::Input("line 1: cannot read the CSV header: " + TooLongMessage());
    // The header is echoed in messages: it must be valid UTF-8 too.
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return Status::Input("line 1: the CSV header is not valid UTF-8 (or holds a NUL byte) at byte offset " +
                           std::to_string(bad));
    std::vector<std::string> header;
    std::string error;
    if (!SplitFields(line, 1, &header, &error))
      return Status::Input(error == kOpenQuote ? "line 1: cannot read the CSV header: a quoted name is not closed"
                                               : error);
    for (size_t i = 0; i < header.size(); ++i) {
      std::string name = header[i];
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (name == "id") id_ = static_cast<int>(i);
      else if (name == "text") text_ = static_cast<int>(i);
      else if (name == "age") age_ = static_cast<int>(i);
      else if (name == "parent_age") parent_age_ = static_cast<int>(i);
    }
    columns_ = header.size();
    if (text_ < 0) {
      std::string found;
      for (const std::string& h : header) found += (found.empty() ? "" : ", ") + h;
      return Status::Input("line 1: the CSV header has no 'text' column (found: " + found +
                           "); name the column holding the case 'text'");
    }
    return Status::Ok();
  }

  bool Next(Record* r) override {
    std::string line;
    bool too_long = false;
    if (!lines_.Next(&line, &too_long)) return false;
    *r = Record();
    r->number = ++records_;
    r->line = lines_.number();
    r->id = std::to_string(r->number);
    if (too_long) return SetError(r, "too-long", TooLongMessage()), true;
    // A quoted field may continue on the next lines.
    std::vector<std::string> fields;
    std::string error;
    size_t resume = 0;
    while (!SplitFields(line, r->line, &fields, &error, &resume) && error == kOpenQuote) {
      std::string more;
      if (!lines_.Next(&more, &too_long)) {
        error = "line " + std::to_string(r->line) + ": unterminated quoted field (opened on line " +
                std::to_string(r->line) + ")";
        break;
      }
      line += "\n" + more;
      if (too_long || line.size() > kMaxRecordBytes) return SetError(r, "too-long", TooLongMessage()), true;
    }
    if (!error.empty() && error != kOpenQuote) return SetError(r, "csv-quote", error), true;
    // Every field, not only the text: the id and ages are echoed in output.
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return SetError(r, "invalid-utf8", "line " + std::to_string(r->line) +
                                             ": the record is not valid UTF-8 (or holds a NUL byte) at byte offset " +
                                             std::to_string(bad)), true;
    if (fields.size() != columns_)
      return SetError(r, "csv-fields", "line " + std::to_string(r->line) + ": " + std::to_string(fields.size()) +
                                           " fields, the header has " + std::to_string(columns_)), true;
    if (id_ >= 0 && !fields[id_].empty()) r->id = fields[id_];
    r->text = fields[text_];
    for (auto [column, age] : {std::pair{age_, &r->age}, std::pair{parent_age_, &r->parent_age}}) {
      if (column >= 0 && !ParseAge(fields[column], age))
        return SetError(r, "bad-age", "line " + std::to_string(r->line) + ": age '" + fields[column] +
                                          "' must be a whole number 0-120"), true;
    }
    CheckText(r);
    return true;
  }

 private:
  static constexpr const char* kOpenQuote = "open quote";

  // "line L: " and the column of byte i of a record that starts on first_line.
  static std::string Where(const std::string& record, size_t first_line, size_t i, int* column) {
    int line = 0;
    LineColumnAt(record, i, &line, column);
    return "line " + std::to_string(first_line + line - 1) + ": ";
  }

  // Splits one record starting on first_line; false with error set
  // ("line L: ... at column C") on a quoting problem, or with error ==
  // kOpenQuote when a quoted field runs past the end. Then the caller
  // appends the next line and calls again with the same *resume, and the
  // scan goes on inside that field: a long multi-line field costs linear
  // time, not a rescan per line.
  static bool SplitFields(const std::string& line, size_t first_line, std::vector<std::string>* fields,
                          std::string* error, size_t* resume = nullptr) {
    size_t i = resume ? *resume : 0;
    if (i == 0) fields->assign(1, std::string());
    error->clear();
    bool in_quotes = i > 0;
    bool at_field_start = true;
    int column = 0;
    while (i < line.size() || in_quotes) {
      if (in_quotes) {
        if (i >= line.size()) {
          *error = kOpenQuote;
          if (resume) *resume = i;
          return false;
        }
        if (line[i] != '"') {
          fields->back().push_back(line[i++]);
          continue;
        }
        if (i + 1 < line.size() && line[i + 1] == '"') {
          fields->back().push_back('"');
          i += 2;
          continue;
        }
        ++i;
        in_quotes = false;
        if (i < line.size() && line[i] != ',') {
          std::string where = Where(line, first_line, i, &column);
          *error = where + "unexpected character after a closing quote at column " + std::to_string(column);
          return false;
        }
        at_field_start = false;
        continue;
      }
      char c = line[i];
      if (at_field_start && c == '"') {
        ++i;
        in_quotes = true;
        continue;
      }
      if (c == ',') {
        fields->emplace_back();
        at_field_start = true;
      } else if (c == '"') {
        std::string where = Where(line, first_line, i, &column);
        *error = where + "a quote inside an unquoted field at column " + std::to_string(column) +
                 "; quote the whole field";
        return false;
      } else {
        fields->back().push_back(c);
        at_field_start = false;
      }
      ++i;
    }
    return true;
  }

  LineReader lines_;
  size_t records_ = 0;
  size_t columns_ = 0;
  int id_ = -1, text_ = -1, age_ = -1, parent_age_ = -1;
};

}  // namespace

bool ParseInputFormat(const std::string& name, InputFormat* out) {
  if (name == "csv") *out = InputFormat::kCsv;
  else if (name == "jsonl" || name == "json" || name == "ndjson") *out = InputFormat::kJsonl;
  else if (name == "text" || name == "txt") *out = InputFormat::kText;
  else return false;
  return true;
}

InputFormat FormatFromPath(const std::string& path) {
  size_t dot = path.rfind('.');
  InputFormat format = InputFormat::kText;
  if (dot != std::string::npos) ParseInputFormat(path.substr(dot + 1), &format);
  return format;
}

std::unique_ptr<RecordReader> MakeRecordReader(InputFormat format, FILE* file) {
  switch (format) {
    case InputFormat::kCsv: return std::make_unique<CsvReader>(file);
    case InputFormat::kJsonl: return std::make_unique<JsonlReader>(file);
    case InputFormat::kText: break;
  }
  return std::make_unique<TextReader>(file);
}
