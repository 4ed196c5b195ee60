#include "batch_input.h"

#include <iconv.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <vector>

#include "messages.h"
#include "utf8.h"

namespace {

// The quoting state of a CSV record read without being kept: what skipping
// an over-long record to its true end needs. Fed the record's bytes line
// by line, in order.
struct CsvQuoteScan {
  bool in_quotes = false;
  bool field_start = true;
  bool quote_seen = false;  // a quote inside quotes: it closes, or a second one follows

  void Start() { *this = CsvQuoteScan(); }
  /// For a line that begins inside a quoted field.
  void StartInQuotes() {
    Start();
    in_quotes = true;
    field_start = false;
  }
  void Feed(const char* p, size_t n) {
    const char* end = p + n;
    while (p < end) {
      if (in_quotes) {
        if (quote_seen) {
          quote_seen = false;
          if (*p == '"') {  // a doubled quote: still inside
            ++p;
            continue;
          }
          in_quotes = false;  // closed: *p is read outside the quotes
          field_start = false;
          continue;
        }
        const char* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
        if (!quote) return;
        quote_seen = true;
        p = quote + 1;
        continue;
      }
      const char c = *p++;
      if (c == '"' && field_start) in_quotes = true;
      field_start = c == ',';
    }
  }
  /// At the end of a line: true when the record ends there.
  bool EndOfLine() {
    if (quote_seen) in_quotes = quote_seen = false;
    return !in_quotes;
  }
};

// CP932 to UTF-8 with glibc's iconv (it knows CP932 as Microsoft maps it:
// 0x5C is a backslash, the NEC and IBM extensions are there). Stateless
// between calls; not copyable.
class Cp932Decoder {
 public:
  Cp932Decoder() : cd_(iconv_open("UTF-8", "CP932")) {}
  ~Cp932Decoder() {
    if (ok()) iconv_close(cd_);
  }
  Cp932Decoder(const Cp932Decoder&) = delete;
  Cp932Decoder& operator=(const Cp932Decoder&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  /// Converts in into *out. A byte that starts no CP932 character (or one
  /// cut off at the end), and a NUL, becomes U+FFFD and decoding goes on
  /// at the next byte. Returns how many there were; the first one's byte
  /// and 1-based column (in characters) go to *byte and *column.
  size_t Decode(std::string_view in, std::string* out, unsigned* byte, int* column) {
    out->clear();
    size_t bad = 0;
    auto mark = [&](unsigned char b) {
      if (bad++ == 0) {
        *byte = b;
        *column = 1 + static_cast<int>(std::count_if(out->begin(), out->end(), [](char c) {
                    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                  }));
      }
      out->append("\xEF\xBF\xBD");
    };
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);
    size_t i = 0;
    while (i < in.size()) {
      // ASCII but NUL is the same in UTF-8: most of a CSV's syntax.
      size_t j = i;
      while (j < in.size() && static_cast<unsigned char>(in[j]) - 1u < 0x7Fu) ++j;
      out->append(in.data() + i, j - i);
      i = j;
      if (i == in.size()) break;
      if (in[i] == '\0') {
        mark(0);
        ++i;
        continue;
      }
      const size_t end = std::min(in.find('\0', i), in.size());
      char* src = const_cast<char*>(in.data() + i);
      size_t src_left = end - i;
      while (src_left > 0) {
        const size_t at = out->size(), room = src_left * 3 + 4;  // a CP932 byte is at most 3 in UTF-8
        out->resize(at + room);
        char* dst = &(*out)[at];
        size_t dst_left = room;
        const size_t r = iconv(cd_, &src, &src_left, &dst, &dst_left);
        const int error = errno;
        out->resize(out->size() - dst_left);
        if (r != static_cast<size_t>(-1) || error == E2BIG) continue;
        mark(static_cast<unsigned char>(*src));  // EILSEQ, or EINVAL: a lead byte at the end
        ++src;
        --src_left;
      }
      i = end;
    }
    return bad;
  }

 private:
  iconv_t cd_;
};

// How many times UTF-8 decoding fails in text (a NUL counts).
size_t Utf8Errors(std::string_view text) {
  size_t errors = 0, bad = 0;
  while (!IsValidUtf8(text, &bad)) {
    ++errors;
    text.remove_prefix(bad + 1);
  }
  return errors;
}

bool StartsWithBom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

// The first byte of a line that is not CP932: line 0 when none.
struct DecodeError {
  size_t line = 0;
  unsigned byte = 0;
  int column = 0;
};

std::string NotCp932Message(const DecodeError& e) {
  return TrF("line {}: not valid CP932 (byte 0x{:02X} at column {}); save the file as UTF-8 or give --encoding", e.line,
             e.byte, e.column);
}

std::string HeaderNotCp932Message(const DecodeError& e) {
  return TrF(
      "line 1: the CSV header is not valid CP932 (byte 0x{:02X} at column {}); save the file as UTF-8 or "
      "give --encoding",
      e.byte, e.column);
}

// Reads lines of at most kMaxRecordBytes; longer lines are consumed to
// their end and flagged, so one bad line never swallows the next. A read
// error ends the input like its end does, and is kept for error(). Lines
// come out in UTF-8: CP932 input is converted line by line (a line that
// is over the limit once converted is flagged too long), and auto
// settles the encoding at the first line holding a byte over 0x7F.
class LineReader {
 public:
  LineReader(FILE* file, std::string name, const ReaderOptions& options)
      : file_(file), name_(std::move(name)), encoding_(options.encoding), detected_(options.detected) {
    if (encoding_ == InputEncoding::kUtf8) return;
    decoder_ = std::make_unique<Cp932Decoder>();
    if (!decoder_->ok() && encoding_ == InputEncoding::kAuto) encoding_ = InputEncoding::kUtf8;  // UTF-8 still reads
  }

  /// Io when CP932 was asked for and iconv cannot convert it.
  Status ready() const {
    if (encoding_ != InputEncoding::kCp932 || decoder_->ok()) return Status::Ok();
    return Status::Io(
        TrF("cannot read {} as CP932: this system's iconv has no CP932 converter; "
            "convert the file to UTF-8 first",
            name_));
  }

  /// False at end of input. Strips "\n", "\r\n" and a leading UTF-8 BOM
  /// (not from CP932 input: there it is a bad byte).
  /// When the line is too long and scan is given, every byte of the line
  /// (kept or not) is fed to it.
  bool Next(std::string* line, bool* too_long, CsvQuoteScan* scan = nullptr) {
    line->clear();
    *too_long = false;
    bool any = false;  // a line exists once a byte or a newline is read
    bool fed = false;  // scan has seen the kept part
    for (;;) {
      if (pos_ == end_ && !Fill()) break;
      any = true;
      const char* start = buffer_ + pos_;
      const size_t left = end_ - pos_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', left));
      const size_t n = newline ? static_cast<size_t>(newline - start) : left;
      const size_t room = kMaxRecordBytes + 1 - std::min(line->size(), kMaxRecordBytes + 1);
      const size_t take = std::min(n, room);
      line->append(start, take);
      if (n > take) {
        *too_long = true;
        if (scan) {
          if (!fed) scan->Feed(line->data(), line->size());
          fed = true;
          scan->Feed(start + take, n - take);
        }
      }
      pos_ += n;
      if (newline) {
        ++pos_;
        break;
      }
    }
    if (!any) return false;
    ++number_;
    decode_error_ = DecodeError();
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->size() > kMaxRecordBytes) *too_long = true;
    if (*too_long && scan && !fed) scan->Feed(line->data(), line->size());
    if (encoding_ == InputEncoding::kAuto) Detect(*line);
    if (encoding_ == InputEncoding::kCp932) {
      if (!*too_long) Decode(line, too_long, scan);
    } else if (number_ == 1 && StartsWithBom(*line)) {
      line->erase(0, 3);
    }
    return true;
  }
  size_t number() const { return number_; }
  const Status& error() const { return error_; }
  /// The line just read held a byte that is not CP932 (line 0: it did not).
  const DecodeError& decode_error() const { return decode_error_; }

 private:
  // Reads the next block; a getc per byte cost more than finding the lines.
  bool Fill() {
    pos_ = 0;
    end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
    if (end_ == 0 && std::ferror(file_) && error_.ok())
      error_ = Status::Io(TrF("cannot read {}: {}", name_, std::strerror(errno)));
    return end_ > 0;
  }

  static bool AllAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  // kAuto: settles the encoding at the first line with a byte over 0x7F,
  // judged on that line and the whole lines after it in the block read
  // (no character is cut in two there). CP932 wins only by a wide
  // margin: a UTF-8 file with a stray bad byte must not be read as
  // mojibake.
  void Detect(const std::string& line) {
    if (AllAscii(line)) return;
    encoding_ = InputEncoding::kUtf8;
    if (number_ != 1 || !StartsWithBom(line)) {
      std::string_view rest(buffer_ + pos_, end_ - pos_);
      const size_t last = rest.rfind('\n');
      rest = last == std::string_view::npos ? std::string_view() : rest.substr(0, last + 1);
      const size_t utf8 = Utf8Errors(line) + Utf8Errors(rest);
      if (utf8 > 0) {
        unsigned byte = 0;
        int column = 0;
        const size_t cp932 =
            decoder_->Decode(line, &decoded_, &byte, &column) + decoder_->Decode(rest, &decoded_, &byte, &column);
        if (cp932 == 0 || cp932 * 10 < utf8) encoding_ = InputEncoding::kCp932;
      }
    }
    if (detected_) detected_(encoding_);
  }

  // Converts a CP932 line (not over the limit) to UTF-8 in place; a line
  // over the limit once converted is flagged too long instead (and fed
  // to scan: its quotes and line ends are where they were).
  void Decode(std::string* line, bool* too_long, CsvQuoteScan* scan) {
    unsigned byte = 0;
    int column = 0;
    if (decoder_->Decode(*line, &decoded_, &byte, &column) > 0) decode_error_ = DecodeError{number_, byte, column};
    if (decoded_.size() > kMaxRecordBytes) {
      *too_long = true;
      decode_error_ = DecodeError();
      if (scan) scan->Feed(line->data(), line->size());
      return;
    }
    line->swap(decoded_);
  }

  FILE* file_;
  std::string name_;
  Status error_;
  InputEncoding encoding_;
  std::function<void(InputEncoding)> detected_;
  std::unique_ptr<Cp932Decoder> decoder_;  // unless UTF-8 was asked for
  std::string decoded_;                    // scratch, kept for its storage
  DecodeError decode_error_;
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
    SetError(r, "invalid-utf8", TrF("text is not valid UTF-8 (or holds a NUL byte) at byte offset {}", bad));
    return;
  }
  // Line breaks too: a quoted CSV field may hold only those.
  bool blank = std::all_of(r->text.begin(), r->text.end(),
                           [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (blank) SetError(r, "empty-text", Tr("the text is empty"));
}

std::string TooLongMessage() { return TrF("record is longer than {} bytes", kMaxRecordBytes); }

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
  } else if (lines.decode_error().line) {
    SetError(r, "invalid-cp932", NotCp932Message(lines.decode_error()));
  }
  return true;
}

// What the three readers share: the input read line by line, and the
// error that ended the reading early.
class LinesRecordReader : public RecordReader {
 public:
  LinesRecordReader(FILE* file, const std::string& name, const ReaderOptions& options) : lines_(file, name, options) {}
  Status Open() override { return lines_.ready(); }
  Status ReadError() const override { return lines_.error(); }

 protected:
  LineReader lines_;
};

class TextReader : public LinesRecordReader {
 public:
  using LinesRecordReader::LinesRecordReader;
  bool Next(Record* r) override {
    if (!NextLineRecord(lines_, r, &r->text)) return false;
    if (r->error.empty()) CheckText(r);
    return true;
  }
};

// An age column value: empty = not given; else a whole number 0..120.
bool ParseAge(const std::string& text, int* age) {
  if (text.empty()) return true;
  if (text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  *age = std::stoi(text);
  return *age <= 120;
}

// The keys of a JSON Lines object that the reader uses: one of them twice
// is an error, since JSON readers disagree on which one counts.
constexpr const char* kJsonKeys[] = {"id", "text", "age", "parent_age"};

// The first of kJsonKeys given twice at the top level of line, a valid
// JSON object, with the byte offsets of both (their opening quotes);
// nullptr if none. One pass over the bytes, after the parse, costs less
// than a parse with a callback on every key.
const char* DuplicateKey(const std::string& line, size_t* first_at, size_t* second_at) {
  size_t seen[std::size(kJsonKeys)];
  std::fill(std::begin(seen), std::end(seen), std::string::npos);
  int depth = 0;
  bool expect_key = false;
  const char* p = line.data();
  const size_t n = line.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = p[i];
    if (c == '"') {
      // The closing quote: the next one not escaped (an odd run of
      // backslashes before it). memchr: a case text is most of the line.
      const size_t start = i;
      for (;;) {
        const void* quote = std::memchr(p + i + 1, '"', n - i - 1);
        i = quote ? static_cast<size_t>(static_cast<const char*>(quote) - p) : n;
        size_t backslashes = 0;
        while (i < n && p[i - 1 - backslashes] == '\\') ++backslashes;
        if (i >= n || backslashes % 2 == 0) break;
      }
      const bool escaped = std::memchr(p + start + 1, '\\', i - start - 1) != nullptr;
      if (depth == 1 && expect_key) {
        std::string_view key(p + start + 1, i - start - 1);
        std::string decoded;  // "te\u0078t" is "text" too
        if (escaped) {
          nlohmann::json j = nlohmann::json::parse(line.substr(start, i + 1 - start), nullptr, false);
          if (j.is_string()) key = decoded = j.get<std::string>();
        }
        for (size_t k = 0; k < std::size(kJsonKeys); ++k) {
          if (key != kJsonKeys[k]) continue;
          if (seen[k] != std::string::npos) {
            *first_at = seen[k];
            *second_at = start;
            return kJsonKeys[k];
          }
          seen[k] = start;
        }
      }
      expect_key = false;
    } else if (c == '{' || c == '[') {
      expect_key = ++depth == 1;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',') {
      expect_key = depth == 1;
    }
  }
  return nullptr;
}

class JsonlReader : public LinesRecordReader {
 public:
  using LinesRecordReader::LinesRecordReader;
  bool Next(Record* r) override {
    std::string line;
    if (!NextLineRecord(lines_, r, &line)) return false;
    if (!r->error.empty()) return true;
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return SetError(r, "invalid-utf8", TrF("line is not valid UTF-8 at byte offset {}", bad)), true;
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return SetError(r, "json", TrF("not a JSON object: {}", e.what())), true;
    }
    if (!object.is_object()) return SetError(r, "json", Tr("not a JSON object")), true;
    size_t first_at = 0, second_at = 0;
    if (const char* duplicate = DuplicateKey(line, &first_at, &second_at)) {
      int line_number = 0, first = 0, second = 0;
      LineColumnAt(line, first_at, &line_number, &first);
      LineColumnAt(line, second_at, &line_number, &second);
      return SetError(r, "duplicate-key",
                      TrF("line {}, column {}: the key \"{}\" is given twice (first at column {}); "
                          "keep one",
                          r->line, second, duplicate, first)),
             true;
    }
    auto id = object.find("id");
    if (id != object.end()) {
      if (id->is_string()) r->id = id->get<std::string>();
      else if (id->is_number_integer()) r->id = std::to_string(id->get<long long>());
      else if (!id->is_null()) return SetError(r, "json", Tr("\"id\" must be a string or a whole number")), true;
    }
    auto text = object.find("text");
    if (text == object.end() || !text->is_string()) return SetError(r, "json", Tr("missing \"text\" string")), true;
    r->text = text->get<std::string>();
    for (const char* key : {"age", "parent_age"}) {
      auto value = object.find(key);
      if (value == object.end() || value->is_null()) continue;
      if (!value->is_number_integer() || value->get<long long>() < 0 || value->get<long long>() > 120)
        return SetError(r, "bad-age", TrF("\"{}\" must be a whole number 0-120", key)), true;
      (std::string(key) == "age" ? r->age : r->parent_age) = value->get<int>();
    }
    CheckText(r);
    return true;
  }
};

// RFC 4180 CSV: fields separated by commas, optionally in double quotes
// (a quote inside is doubled); a quoted field may span lines.
class CsvReader : public LinesRecordReader {
 public:
  using LinesRecordReader::LinesRecordReader;

  Status Open() override {
    if (Status s = lines_.ready(); !s.ok()) return s;
    std::string line;
    bool too_long = false;
    if (!lines_.Next(&line, &too_long)) {
      if (!lines_.error().ok()) return lines_.error();
      return Status::Input(Tr("the CSV input is empty: it needs a header line with a 'text' column"));
    }
    if (too_long)
      return Status::Input(TrF("line 1: cannot read the CSV header: record is longer than {} bytes", kMaxRecordBytes));
    if (lines_.decode_error().line) return Status::Input(HeaderNotCp932Message(lines_.decode_error()));
    // The header is echoed in messages: it must be valid UTF-8 too.
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return Status::Input(
          TrF("line 1: the CSV header is not valid UTF-8 (or holds a NUL byte) at byte offset {}", bad));
    std::vector<std::string> header;
    std::string error;
    switch (SplitFields(line, 1, &header, &error)) {
      case Split::kDone: break;
      case Split::kOpenQuote:
        return Status::Input(Tr("line 1: cannot read the CSV header: a quoted name is not closed"));
      case Split::kBadQuote: return Status::Input(error);
    }
    for (size_t i = 0; i < header.size(); ++i) {
      std::string name = header[i];
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      int* column = name == "id"           ? &id_
                    : name == "text"       ? &text_
                    : name == "age"        ? &age_
                    : name == "parent_age" ? &parent_age_
                                           : nullptr;
      if (!column) continue;  // a column not read may come twice (empty names from a trailing comma)
      if (*column >= 0)
        return Status::Input(
            TrF("line 1: the CSV header has two '{}' columns (fields {} and {}); keep one", name, *column + 1, i + 1));
      *column = static_cast<int>(i);
    }
    columns_ = header.size();
    if (text_ < 0) {
      std::string found;
      for (const std::string& h : header) found += (found.empty() ? "" : ", ") + h;
      return Status::Input(TrF(
          "line 1: the CSV header has no 'text' column (found: {}); name the column holding the case 'text'", found));
    }
    return Status::Ok();
  }

  bool Next(Record* r) override {
    std::string line;
    bool too_long = false;
    scan_.Start();
    if (!lines_.Next(&line, &too_long, &scan_)) return false;
    *r = Record();
    r->number = ++records_;
    r->line = lines_.number();
    r->id = std::to_string(r->number);
    if (too_long) return SkipLongRecord(r), true;
    // A quoted field may continue on the next lines.
    std::vector<std::string> fields;
    std::string error;
    size_t resume = 0;
    DecodeError not_cp932 = lines_.decode_error();  // the first in the record
    Split split;
    while ((split = SplitFields(line, r->line, &fields, &error, &resume)) == Split::kOpenQuote) {
      std::string more;
      scan_.StartInQuotes();
      if (!lines_.Next(&more, &too_long, &scan_)) {
        error = TrF("line {}: unterminated quoted field (opened on line {})", r->line, r->line);
        split = Split::kBadQuote;
        break;
      }
      if (too_long || line.size() + 1 + more.size() > kMaxRecordBytes) {
        if (!too_long) scan_.Feed(more.data(), more.size());
        return SkipLongRecord(r), true;
      }
      if (!not_cp932.line) not_cp932 = lines_.decode_error();
      line += "\n" + more;
    }
    // A bad byte first: it may be why the quotes do not match.
    if (not_cp932.line) return SetError(r, "invalid-cp932", NotCp932Message(not_cp932)), true;
    if (split == Split::kBadQuote) return SetError(r, "csv-quote", error), true;
    // Every field, not only the text: the id and ages are echoed in output.
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad))
      return SetError(r, "invalid-utf8",
                      TrF("line {}: the record is not valid UTF-8 (or holds a NUL byte) at byte "
                          "offset {}",
                          r->line, bad)),
             true;
    if (fields.size() != columns_)
      return SetError(r, "csv-fields", TrF("line {}: {} fields, the header has {}", r->line, fields.size(), columns_)),
             true;
    if (id_ >= 0 && !fields[id_].empty()) r->id = fields[id_];
    r->text = fields[text_];
    for (auto [column, age] : {std::pair{age_, &r->age}, std::pair{parent_age_, &r->parent_age}}) {
      if (column >= 0 && !ParseAge(fields[column], age))
        return SetError(r, "bad-age", TrF("line {}: age '{}' must be a whole number 0-120", r->line, fields[column])),
               true;
    }
    CheckText(r);
    return true;
  }

 private:
  // How splitting a record ended: its fields complete, a quoted field
  // still open at the end of what was read (the record goes on on the next
  // line), or a quoting error told in *error.
  enum class Split { kDone, kOpenQuote, kBadQuote };

  // The record r passed the limit on the line just read, which scan_ has
  // seen whole: one error record. Inside a quoted field, the lines up to
  // where the field closes are still this record: they are skipped (at
  // flat memory), not read as records of their own.
  void SkipLongRecord(Record* r) {
    bool ended = scan_.EndOfLine();
    std::string line;
    bool too_long = false;
    while (!ended && lines_.Next(&line, &too_long, &scan_)) {
      if (!too_long) scan_.Feed(line.data(), line.size());
      ended = scan_.EndOfLine();
    }
    const size_t last = lines_.number();
    if (!ended)
      SetError(r, "too-long",
               TrF("line {}: record is longer than {} bytes and a quoted field in it is never closed: "
                   "the rest of the input, to line {}, was skipped",
                   r->line, kMaxRecordBytes, last));
    else if (lines_.number() > r->line)
      SetError(r, "too-long",
               TrF("line {}: record is longer than {} bytes; a quoted field in it was skipped to where "
                   "it closes, on line {}",
                   r->line, kMaxRecordBytes, last));
    else SetError(r, "too-long", TooLongMessage());
  }

  // The line and the column of byte i of a record that starts on first_line.
  static size_t Where(const std::string& record, size_t first_line, size_t i, int* column) {
    int line = 0;
    LineColumnAt(record, i, &line, column);
    return first_line + static_cast<size_t>(line) - 1;
  }

  // Splits one record starting on first_line: kBadQuote with *error set
  // ("line L: ... at column C") on a quoting problem, kOpenQuote when a
  // quoted field runs past the end. Then the caller appends the next line
  // and calls again with the same *resume, and the scan goes on inside
  // that field: a long multi-line field costs linear time, not a rescan
  // per line.
  static Split SplitFields(const std::string& line, size_t first_line, std::vector<std::string>* fields,
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
          if (resume) *resume = i;
          return Split::kOpenQuote;
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
          const size_t where = Where(line, first_line, i, &column);
          *error = TrF("line {}: unexpected character after a closing quote at column {}", where, column);
          return Split::kBadQuote;
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
        const size_t where = Where(line, first_line, i, &column);
        *error = TrF("line {}: a quote inside an unquoted field at column {}; quote the whole field", where, column);
        return Split::kBadQuote;
      } else {
        fields->back().push_back(c);
        at_field_start = false;
      }
      ++i;
    }
    return Split::kDone;
  }

  CsvQuoteScan scan_;
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

namespace {

struct EncodingName {
  const char* name;
  InputEncoding encoding;
};
constexpr EncodingName kEncodingNames[] = {
    {"auto", InputEncoding::kAuto},   {"utf-8", InputEncoding::kUtf8},        {"utf8", InputEncoding::kUtf8},
    {"cp932", InputEncoding::kCp932}, {"shift_jis", InputEncoding::kCp932},   {"shift-jis", InputEncoding::kCp932},
    {"sjis", InputEncoding::kCp932},  {"windows-31j", InputEncoding::kCp932}, {"ms932", InputEncoding::kCp932},
};

}  // namespace

bool ParseInputEncoding(const std::string& name, InputEncoding* out) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const EncodingName& e : kEncodingNames) {
    if (lower != e.name) continue;
    *out = e.encoding;
    return true;
  }
  return false;
}

std::vector<std::string> InputEncodingNames() {
  std::vector<std::string> names;
  for (const EncodingName& e : kEncodingNames) names.push_back(e.name);
  return names;
}

std::unique_ptr<RecordReader> MakeRecordReader(InputFormat format, FILE* file, const std::string& name,
                                               const ReaderOptions& options) {
  switch (format) {
    case InputFormat::kCsv: return std::make_unique<CsvReader>(file, name, options);
    case InputFormat::kJsonl: return std::make_unique<JsonlReader>(file, name, options);
    case InputFormat::kText: break;
  }
  return std::make_unique<TextReader>(file, name, options);
}
