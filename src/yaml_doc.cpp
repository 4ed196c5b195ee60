#include "yaml_doc.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>

#include "edit_distance.h"
#include "messages.h"
#include "utf8.h"

namespace {
// yaml-cpp recurses per level; refuse deep nesting before it does harm.
constexpr int kMaxDepth = 64;

std::string DepthMessage() { return TrF("nesting deeper than {} levels", kMaxDepth); }

// A quoted string that runs over more than one line (byte offsets of its
// quotes): the likely culprit when a syntax error follows it.
struct QuotedSpan {
  size_t open, close;
};

// Reads YAML text before yaml-cpp does, for what yaml-cpp gets wrong:
// anchors and aliases (expanded on every walk, so a few hundred bytes can
// stand for billions of nodes: refused), nesting deeper than kMaxDepth
// (yaml-cpp recurses per level and at 500 throws a bare "bad file"), a
// quoted string never closed (yaml-cpp silently takes the rest of the file
// into it) and a second document (YAML::Load silently drops it). A light
// tokenizer: it knows quotes, comments, block scalars, flow brackets and
// block indentation, not the whole of YAML; yaml-cpp still does the parse.
class PreScan {
 public:
  explicit PreScan(std::string_view text) : t_(text) {}

  /// False at the first problem; error_at() and error() tell where and what.
  bool Run();
  size_t error_at() const { return error_at_; }
  const std::string& error() const { return error_; }
  const std::vector<QuotedSpan>& multiline_quotes() const { return spans_; }
  /// Where the text may be cut to be parsed in pieces (ParsePieces): the
  /// starts of the lines that begin an entry, not the first, of the
  /// root's last block sequence (the root itself, or the value of the
  /// root map's last key), in order. Empty unless everything from that
  /// sequence's key (or the text's start) on is plain block YAML, read
  /// line by line: no block scalar, tag, complex key, directive, quote or
  /// flow collection over more than one line, or tab in an indentation.
  const std::vector<size_t>& cuts() const { return cuts_; }
  /// The start of the line of that key; npos when the root is the sequence.
  size_t sequence_key_line() const { return key_line_; }

 private:
  struct Level {
    size_t column;
    bool sequence;
  };

  bool Fail(size_t at, std::string message) {
    error_at_ = at;
    error_ = std::move(message);
    return false;
  }
  // End of input, a space or a line break: what follows an indicator.
  bool BlankOrEnd(size_t i) const {
    return i >= t_.size() || t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\r' || t_[i] == '\n';
  }
  static bool FlowIndicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
  // What a step of Run() leaves to do with the current byte.
  enum class Step { kFail, kDone, kScalar };
  bool StartLine();
  Step StartNode(char c, size_t column);
  bool AfterScalar(char c);
  bool OpenBlock(size_t column, bool sequence, size_t at);
  bool OpenFlow(size_t at);
  bool Quoted(size_t* i, size_t* line_begin);
  void SkipBlockScalar(size_t* i) const;
  void SkipToLineEnd(size_t* i) const {
    while (*i < t_.size() && t_[*i] != '\n') ++*i;
  }

  std::string_view t_;
  std::vector<Level> block_;  // open block collections, by indentation
  int flow_ = 0;              // open [ and {
  std::vector<QuotedSpan> spans_;
  std::vector<size_t> cuts_;
  size_t key_line_ = std::string_view::npos;
  bool plain_tail_ = true;  // nothing since key_line_ (or the start) that stops a cut
  // Where Run() is and what it has seen.
  size_t i_ = 0;
  size_t line_begin_ = 0;
  size_t line_content_ = 0;  // where the current line's content starts
  bool line_start_ = true;
  bool node_start_ = true;              // the next token starts a node
  bool in_plain_ = false;               // inside a plain (unquoted) scalar
  size_t key_column_ = 0, key_at_ = 0;  // where the current scalar began
  bool doc_content_ = false;
  size_t doc_end_ = std::string_view::npos;  // a "..." line
  size_t error_at_ = 0;
  std::string error_;
};

bool PreScan::OpenBlock(size_t column, bool sequence, size_t at) {
  if (!block_.empty() && block_.back().column == column && block_.back().sequence == sequence)
    return true;  // the next entry of the same collection
  if (block_.size() > static_cast<size_t>(kMaxDepth)) return Fail(at, DepthMessage());
  block_.push_back({column, sequence});
  return true;
}

bool PreScan::OpenFlow(size_t at) {
  if (block_.size() + flow_ > static_cast<size_t>(kMaxDepth)) return Fail(at, DepthMessage());
  ++flow_;
  return true;
}

// *i is at the opening quote; leaves *i after the closing one.
bool PreScan::Quoted(size_t* i, size_t* line_begin) {
  const size_t open = *i;
  const char quote = t_[open];
  bool multiline = false;
  for (size_t k = open + 1; k < t_.size(); ++k) {
    char c = t_[k];
    if (c == '\n') {
      multiline = true;
      *line_begin = k + 1;
    } else if (c == '\\' && quote == '"') {
      ++k;  // an escape: the next byte is not a closing quote
      if (k < t_.size() && t_[k] == '\n') {
        multiline = true;
        *line_begin = k + 1;
      }
    } else if (c == quote) {
      if (quote == '\'' && k + 1 < t_.size() && t_[k + 1] == '\'') {
        ++k;  // '' is a quote inside single quotes
        continue;
      }
      if (multiline) {
        spans_.push_back({open, k});
        plain_tail_ = false;
      }
      *i = k + 1;
      return true;
    }
  }
  return Fail(open, TrF("this quoted string has no closing {} and runs to the end of the file; add the missing "
                        "quote",
                        quote));
}

// *i is at | or >: skips the indicator line and the more indented lines
// below it (or blank), leaving *i at the line break before the next line.
void PreScan::SkipBlockScalar(size_t* i) const {
  const long parent = block_.empty() ? -1 : static_cast<long>(block_.back().column);
  SkipToLineEnd(i);
  while (*i < t_.size()) {
    size_t begin = *i + 1, j = begin;
    while (j < t_.size() && t_[j] == ' ') ++j;
    bool blank = j >= t_.size() || t_[j] == '\n' || (t_[j] == '\r' && (j + 1 >= t_.size() || t_[j + 1] == '\n'));
    if (!blank && static_cast<long>(j - begin) <= parent) return;
    *i = j;
    SkipToLineEnd(i);
  }
}

// At the start of a line: skips blank and comment lines, checks document
// markers and directives, and closes the block levels the indentation ends.
bool PreScan::StartLine() {
  const size_t n = t_.size();
  size_t& i = i_;
  line_start_ = false;
  line_begin_ = i;
  while (i < n && t_[i] == ' ') ++i;
  const size_t indent = i - line_begin_;
  size_t j = i;
  while (j < n && (t_[j] == ' ' || t_[j] == '\t')) ++j;
  line_content_ = j;
  if (j >= n || t_[j] == '\n' || t_[j] == '#' || (t_[j] == '\r' && BlankOrEnd(j + 1))) {
    if (j < n && t_[j] == '#') in_plain_ = false;  // a comment line ends a plain scalar
    SkipToLineEnd(&i);
    if (i < n) ++i;
    line_start_ = true;
    return true;
  }
  if (flow_ > 0 || j > i) plain_tail_ = false;  // a flow collection over lines; a tab in the indentation
  if (indent == 0 && (t_.substr(i, 3) == "---" || t_.substr(i, 3) == "...") && BlankOrEnd(i + 3)) {
    plain_tail_ = false;
    if (t_[i] == '.') {
      doc_end_ = i;
      SkipToLineEnd(&i);
      return true;
    }
    if (doc_content_ || doc_end_ != std::string_view::npos)
      return Fail(i, Tr("a second YAML document starts here ('---') and would be ignored; "
                        "keep one document per file"));
    i += 3;
    node_start_ = true;
    in_plain_ = false;
    return true;
  }
  if (indent == 0 && t_[i] == '%' && !doc_content_) {  // a directive (%YAML 1.2)
    plain_tail_ = false;
    SkipToLineEnd(&i);
    return true;
  }
  if (doc_end_ != std::string_view::npos)
    return Fail(doc_end_, Tr("'...' ends the YAML document here and the rest of the file "
                             "would be ignored; remove this line"));
  doc_content_ = true;
  // A more indented line inside a plain scalar continues it (text, not a node).
  bool continues = in_plain_ && (flow_ > 0 || block_.empty() || indent > block_.back().column);
  if (!continues) {
    in_plain_ = false;
    node_start_ = true;
    if (flow_ == 0) {
      bool dash = t_[i] == '-' && BlankOrEnd(i + 1);
      while (!block_.empty() &&
             (block_.back().column > indent || (block_.back().column == indent && block_.back().sequence && !dash)))
        block_.pop_back();
    }
  }
  return true;
}

// Where a node starts: an entry or key indicator, a tag, a flow
// collection, a block scalar or a scalar; kScalar when c is to be read as
// after a scalar (a , ] or } in flow).
PreScan::Step PreScan::StartNode(char c, size_t column) {
  const size_t n = t_.size();
  size_t& i = i_;
  if ((c == '&' || c == '*') && !BlankOrEnd(i + 1) && !(flow_ > 0 && FlowIndicator(t_[i + 1]))) {
    Fail(i, Tr("YAML anchors and aliases (&name, *name) are not supported; "
               "write the value out in full"));
    return Step::kFail;
  }
  if ((c == '-' || c == '?') && flow_ == 0 && BlankOrEnd(i + 1)) {  // "- " entry, "? " key
    const size_t levels = block_.size();
    if (!OpenBlock(column, c == '-', i)) return Step::kFail;
    if (c == '?') plain_tail_ = false;
    // The next entry of the root's sequence, or of its last key's, first on its line.
    const bool next_entry = c == '-' && i == line_content_ && block_.size() == levels;
    const bool root_sequence = levels == 1 && block_[0].column == 0 && key_line_ == std::string_view::npos;
    const bool key_sequence = levels == 2 && !block_[0].sequence && block_[0].column == 0 && block_[1].sequence &&
                              key_line_ != std::string_view::npos;
    if (next_entry && block_.back().sequence && (root_sequence || key_sequence)) cuts_.push_back(line_begin_);
    ++i;
    return Step::kDone;
  }
  if (c == '!') {  // a tag; the node follows it
    plain_tail_ = false;
    while (i < n && !BlankOrEnd(i) && !(flow_ > 0 && FlowIndicator(t_[i]))) ++i;
    return Step::kDone;
  }
  if (c == '[' || c == '{') {
    if (!OpenFlow(i)) return Step::kFail;
    ++i;
    return Step::kDone;
  }
  if ((c == '|' || c == '>') && flow_ == 0) {
    plain_tail_ = false;
    SkipBlockScalar(&i);
    node_start_ = false;
    return Step::kDone;
  }
  key_column_ = column;
  key_at_ = i;
  node_start_ = false;
  if (c == '"' || c == '\'') return Quoted(&i, &line_begin_) ? Step::kDone : Step::kFail;
  if (c != ']' && c != '}' && c != ',') {
    in_plain_ = true;
    ++i;
    return Step::kDone;
  }
  return Step::kScalar;
}

// After or inside a scalar: ": " makes it a key; in flow, , ] } end it.
bool PreScan::AfterScalar(char c) {
  const size_t i = i_;
  if (c == ':' && (BlankOrEnd(i + 1) || (flow_ > 0 && (!in_plain_ || FlowIndicator(t_[i + 1]))))) {
    if (flow_ == 0 && !OpenBlock(key_column_, false, key_at_)) return false;
    if (flow_ == 0 && block_.size() == 1 && key_column_ == 0) {  // a key of the root map: a new tail
      key_line_ = t_.rfind('\n', key_at_);
      key_line_ = key_line_ == std::string_view::npos ? 0 : key_line_ + 1;
      cuts_.clear();
      plain_tail_ = key_line_ == line_begin_;  // not a key over more than one line
    }
    in_plain_ = false;
    node_start_ = true;
  } else if (flow_ > 0 && (c == ',' || c == ']' || c == '}')) {
    if (c != ',') --flow_;
    in_plain_ = false;
    node_start_ = c == ',';
  } else if (flow_ > 0 && (c == '[' || c == '{')) {
    if (!OpenFlow(i)) return false;
    in_plain_ = false;
    node_start_ = true;
  }
  ++i_;
  return true;
}

bool PreScan::Run() {
  const size_t n = t_.size();
  i_ = t_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  line_begin_ = i_;
  while (i_ < n) {
    if (line_start_) {
      if (!StartLine()) return false;
      continue;
    }
    const char c = t_[i_];
    if (c == '\n') {
      ++i_;
      line_start_ = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i_;
      if (i_ < n && t_[i_] == '#') {  // a comment: # after a space
        in_plain_ = false;
        SkipToLineEnd(&i_);
      }
      continue;
    }
    if (node_start_) {
      const Step step = StartNode(c, i_ - line_begin_);
      if (step == Step::kFail) return false;
      if (step == Step::kDone) continue;
    }
    if (!AfterScalar(c)) return false;
  }
  // What is not read line by line after the key is parsed whole. (An
  // unclosed [ or { fails in the last piece, where the pieces find it.)
  if (!plain_tail_) cuts_.clear();
  return true;
}

// yaml-cpp's words for a syntax error, said as what is wrong and what to
// do: the people who edit these files are not YAML experts.
std::string SyntaxAdvice(const std::string& yaml_message) {
  // Not static: the advice is in the language of this run.
  const struct {
    const char* yaml;
    std::string advice;
  } kAdvice[] = {
      {"illegal map value",
       Tr("a ': ' inside a value that is not quoted; put the whole value in double quotes (\"...\")")},
      {"illegal tab when looking for indentation", Tr("a tab in the indentation; indent with spaces")},
      {"end of map not found",
       Tr("this line is not indented like the lines around it (spaces, not tabs), or '-' has no space after it, "
          "or text follows a closing quote; indent like the lines above and quote the whole value")},
      {"end of sequence not found",
       Tr("this line is not indented like the list around it (spaces, not tabs), or text follows a closing "
          "quote; indent like the items above and quote the whole value")},
      {"end of sequence flow not found",
       Tr("a '[' list is not closed; add the ']', or put a value holding , [ ] or : in double quotes")},
      {"end of map flow not found",
       // The braces are arguments: a brace in a catalogue id reads as a placeholder.
       TrF("a '{0}' mapping is not closed; add the '{1}', or put a value holding , {0} {1} or : in double quotes", "{",
           "}")},
      {"unknown token", Tr("a value cannot start with @ or `; put it in double quotes")},
  };
  for (const auto& a : kAdvice)
    if (yaml_message == a.yaml) return a.advice + " [" + yaml_message + "]";
  return yaml_message;
}

// Where a full-width space (U+3000, 全角スペース) stands in the indentation
// of a line that holds a list item or a key, or npos. YAML does not take it
// as indentation, and yaml-cpp then names some other line or a missing key.
size_t FullWidthIndent(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    size_t i = line, wide = std::string_view::npos;
    while (i < end) {
      if (text[i] == ' ') {
        ++i;
      } else if (text.compare(i, 3, kIdeographicSpace) == 0) {
        if (wide == std::string_view::npos) wide = i;
        i += 3;
      } else {
        break;
      }
    }
    if (wide != std::string_view::npos && i < end) {
      std::string_view rest = text.substr(i, end - i);
      const size_t colon = rest.find(": ");
      if (rest.substr(0, 2) == "- " || rest == "-" || (colon != std::string_view::npos && rest[0] != '"') ||
          (!rest.empty() && rest.back() == ':'))
        return wide;
    }
    line = end + 1;
  }
  return std::string_view::npos;
}

// "line:column" of a yaml-cpp mark, 1-based.
std::string MarkText(const YAML::Mark& mark) {
  return std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

const char* TypeName(const YamlNode& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return Tr("nothing");
    case YAML::NodeType::Scalar: return Tr("a scalar");
    case YAML::NodeType::Sequence: return Tr("a list");
    case YAML::NodeType::Map: return Tr("a mapping");
    default: return Tr("an undefined node");
  }
}

// yaml-cpp's syntax error e in text, as the people who edit it read it.
Status SyntaxError(const YAML::ParserException& e, const PreScan& scan, const std::string& text,
                   const std::string& name) {
  // A missing closing quote takes the text up to the next quote into the
  // string, and yaml-cpp fails only after it: point at the opening quote.
  for (auto it = scan.multiline_quotes().rbegin(); it != scan.multiline_quotes().rend(); ++it) {
    int open_line, open_column, close_line, close_column;
    LineColumnAt(text, it->open, &open_line, &open_column);
    LineColumnAt(text, it->close, &close_line, &close_column);
    if (open_line > e.mark.line + 1) continue;
    if (e.mark.line + 1 > close_line + 1) break;
    return Status::Data(name, open_line, open_column,
                        TrF("this quoted string runs on to line {}, where the YAML breaks ({} at {}); is its "
                            "closing quote missing?",
                            close_line, e.msg, MarkText(e.mark)));
  }
  return Status::Data(name, e.mark.line + 1, e.mark.column + 1, TrF("YAML syntax: {}", SyntaxAdvice(e.msg)));
}
}  // namespace

Status YamlDoc::Parse(const std::string& text) {
  reached_ = Reached::kChecks;
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    int line, column;
    LineColumnAt(text, bad, &line, &column);
    return Status::Data(name_, line, column,
                        TrF("invalid UTF-8 or NUL byte at byte offset {}; save the file as UTF-8", bad));
  }
  // A byte order mark belongs only at the start; elsewhere it is invisible
  // and makes "team" an unknown key.
  size_t bom = text.find("\xEF\xBB\xBF", 1);
  if (bom != std::string::npos) {
    int line, column;
    LineColumnAt(text, bom, &line, &column);
    return Status::Data(name_, line, column,
                        TrF("invisible byte order mark (U+FEFF) at byte offset {}; delete it", bom));
  }
  if (size_t wide = FullWidthIndent(text); wide != std::string_view::npos) {
    int line, column;
    LineColumnAt(text, wide, &line, &column);
    return Status::Data(name_, line, column,
                        Tr("a full-width space (全角スペース) in the indentation; indent with half-width spaces"));
  }
  PreScan scan(text);
  if (!scan.Run()) {
    int line, column;
    LineColumnAt(text, scan.error_at(), &line, &column);
    return Status::Data(name_, line, column, scan.error());
  }
  reached_ = Reached::kSyntax;
  std::optional<YAML::ParserException> syntax;
  if (Status pieces; ParsePieces(text, scan.cuts(), scan.sequence_key_line(), &pieces, &syntax)) {
    if (syntax) return SyntaxError(*syntax, scan, text, name_);
    reached_ = Reached::kTree;
    return pieces;
  }
  try {
    tree_ = YamlTree::Parse(text);
    root_ = tree_->root();
  } catch (const YAML::DeepRecursion& e) {  // a "bad file" in yaml-cpp's words
    return Status::Data(name_, e.mark.line + 1, e.mark.column + 1, DepthMessage());
  } catch (const YAML::ParserException& e) {
    return SyntaxError(e, scan, text, name_);
  } catch (const YAML::Exception& e) {
    return Status::Data(name_, 0, 0, TrF("YAML: {}", e.what()));
  }
  reached_ = Reached::kTree;
  return CheckDuplicateKeys(root_, 0);
}

namespace {
// A piece parses at a cost of a few thousand instructions a byte: below
// this size a thread costs more than it saves.
constexpr size_t kMinPieceBytes = 32 * 1024;

// Up to `pieces` - 1 of cuts (sorted), each the first at or after an equal
// share of size, none twice.
std::vector<size_t> ChooseCuts(const std::vector<size_t>& cuts, size_t size, size_t pieces) {
  std::vector<size_t> chosen;
  for (size_t k = 1; k < pieces; ++k) {
    auto it = std::lower_bound(cuts.begin(), cuts.end(), size / pieces * k);
    if (it != cuts.end() && (chosen.empty() || *it > chosen.back())) chosen.push_back(*it);
  }
  return chosen;
}

// As many line breaks as text[from, to) has: yaml-cpp counts lines by
// them, so what follows keeps its line and column.
std::string LineBreaks(const std::string& text, size_t from, size_t to) {
  return std::string(static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                                    text.begin() + static_cast<std::ptrdiff_t>(to), '\n')),
                     '\n');
}

// yaml-cpp's syntax error in text, or none: it reads, or fails otherwise
// (too deep, out of memory), which the whole parse reports.
std::optional<YAML::ParserException> SyntaxErrorOf(const std::string& text) {
  try {
    YamlTree::Parse(text);
  } catch (const YAML::DeepRecursion&) {
  } catch (const YAML::ParserException& e) {
    return e;
  } catch (...) {
  }
  return std::nullopt;
}
}  // namespace

// A big document spends most of its parse in yaml-cpp, on one core: cut
// between entries of its last sequence (PreScan::cuts), each piece is
// parsed on its own thread, as the same entries at the same lines and
// columns (a later piece is the sequence's key line and its own entries,
// the lines before them left empty), and the entries are then moved into
// the first piece's sequence.
// A syntax error is the first piece's that fails: the pieces before it
// are sound, so one parse of the whole text reaches that piece as the
// piece began and fails where it does, if the piece runs to the end of the
// text; a piece that ends before it is parsed again to the end (the rest of
// the text only: an end that came early can fail differently). True and
// *syntax set then. When a piece is not what the cut promised, false: the
// caller parses the whole text.
bool YamlDoc::ParsePieces(const std::string& text, const std::vector<size_t>& cuts, size_t key_line, Status* status,
                          std::optional<YAML::ParserException>* syntax) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::vector<size_t> chosen =
      ChooseCuts(cuts, text.size(), std::min({cores, text.size() / kMinPieceBytes, size_t{8}}));
  if (chosen.empty()) return false;
  const bool root_sequence = key_line == std::string::npos;
  const size_t key_line_end = root_sequence ? 0 : text.find('\n', key_line) + 1;
  struct Piece {
    size_t begin, end;
    std::unique_ptr<YamlTree> tree;
    YamlNode sequence;
    Status duplicates;
    std::optional<YAML::ParserException> syntax;
    bool ok = false;
  };
  std::vector<Piece> pieces(chosen.size() + 1);
  for (size_t k = 0; k < pieces.size(); ++k) {
    pieces[k].begin = k == 0 ? 0 : chosen[k - 1];
    pieces[k].end = k == chosen.size() ? text.size() : chosen[k];
  }
  // text[begin, end) where it stands, after what a piece keeps of the text before.
  auto piece_text = [&](size_t begin, size_t end) {
    std::string piece;
    if (begin == 0) return text.substr(0, end);
    if (root_sequence) {
      piece = LineBreaks(text, 0, begin);
    } else {
      piece = LineBreaks(text, 0, key_line) + text.substr(key_line, key_line_end - key_line) +
              LineBreaks(text, key_line_end, begin);
    }
    piece.append(text, begin, end - begin);
    return piece;
  };
  auto parse = [&](Piece& p) {
    try {
      p.tree = YamlTree::Parse(piece_text(p.begin, p.end));
      // The first piece is all the text before its end; a later one must
      // be the key (alone) with a sequence of entries, or that sequence.
      const YamlNode root = p.tree->root();
      if (root_sequence) {
        p.sequence = root;
      } else if (root.IsMap() && (p.begin == 0 || root.size() == 1)) {
        for (auto it = root.begin(); it != root.end(); ++it) p.sequence = it->second;
      }
      if (!p.sequence.IsSequence()) return;
      if (p.begin == 0) {
        p.duplicates = CheckDuplicateKeys(root, 0);
      } else {
        for (const YamlNode& entry : p.sequence) {
          p.duplicates = CheckDuplicateKeys(entry, root_sequence ? 1 : 2);
          if (!p.duplicates.ok()) break;
        }
      }
      p.ok = true;
    } catch (const YAML::DeepRecursion&) {  // the whole parse says where
    } catch (const YAML::ParserException& e) {
      p.syntax = e;
    } catch (...) {  // out of memory: the whole parse says so
    }
  };
  std::vector<std::thread> threads;
  for (size_t k = 1; k < pieces.size(); ++k) {
    try {
      threads.emplace_back(parse, std::ref(pieces[k]));
    } catch (const std::system_error&) {
      parse(pieces[k]);  // no thread to be had: here, after the others
    }
  }
  parse(pieces[0]);
  for (std::thread& t : threads) t.join();
  for (const Piece& p : pieces) {
    if (p.ok) continue;
    if (!p.syntax) return false;
    *syntax = p.end < text.size() ? SyntaxErrorOf(piece_text(p.begin, text.size())) : p.syntax;
    // Not in the piece's own lines: not what the cut promised.
    const auto first_line =
        static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(p.begin), '\n'));
    if (!*syntax || (*syntax)->mark.line < first_line) {
      syntax->reset();
      return false;
    }
    return true;
  }
  *status = Status::Ok();
  for (size_t k = 1; k < pieces.size(); ++k)
    pieces[0].tree->MoveEntries(pieces[0].sequence, pieces[k].tree.get(), pieces[k].sequence);
  for (const Piece& p : pieces) {
    if (!p.duplicates.ok()) {
      *status = p.duplicates;
      break;
    }
  }
  tree_ = std::move(pieces[0].tree);
  root_ = tree_->root();
  return true;
}

Status YamlDoc::CheckDuplicateKeys(const YamlNode& node, int depth) const {
  if (depth > kMaxDepth) return Error(node, DepthMessage());
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it->first.IsScalar()) {
        const std::string_view key = it->first.Scalar();
        if (!seen.emplace(key).second) return Error(it->first, TrF("duplicate key '{}'; remove one of them", key));
      }
      TSUNAGU_TRY(CheckDuplicateKeys(it->second, depth + 1));
    }
  } else if (node.IsSequence()) {
    for (const YamlNode& child : node) TSUNAGU_TRY(CheckDuplicateKeys(child, depth + 1));
  }
  return Status::Ok();
}

SourcePos YamlDoc::PosOf(const YamlNode& node) const {
  SourcePos pos;
  pos.file = name_;
  YAML::Mark mark = node.Mark();
  pos.line = mark.line + 1;
  pos.column = mark.column + 1;
  return pos;
}

Status YamlDoc::Error(const YamlNode& at, const std::string& message) const {
  SourcePos pos = PosOf(at);
  return Status::Data(name_, pos.line, pos.column, message);
}

Status YamlDoc::CheckMap(const YamlNode& node, std::initializer_list<const char*> allowed, const char* what) const {
  if (!node.IsMap()) return Error(node, TrF("{} must be a mapping (key: value), found {}", what, TypeName(node)));
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      std::string key;
      return Scalar(it->first, Tr("a key"), &key);
    }
    // Every key of every item passes here: nothing allocated for a known one.
    const std::string_view key = it->first.Scalar();
    if (std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; })) continue;
    const std::vector<std::string> names(allowed.begin(), allowed.end());
    std::string guess = ClosestMatch(std::string(key), names);
    if (!guess.empty()) return Error(it->first, TrF("unknown key '{0}' in {1}; did you mean '{2}'?", key, what, guess));
    std::string listed;
    for (const std::string& n : names) listed += " " + n;
    return Error(it->first, TrF("unknown key '{0}' in {1}; allowed:{2}", key, what, listed));
  }
  return Status::Ok();
}

Status YamlDoc::CheckSequence(const YamlNode& node, const char* what) const {
  if (!node.IsSequence()) return Error(node, TrF("{} must be a list, found {}", what, TypeName(node)));
  return Status::Ok();
}

Status YamlDoc::Scalar(const YamlNode& node, const char* what, std::string* out) const {
  if (!node.IsScalar())
    return Error(node, node.IsMap()    ? TrF("{} must be a plain value, found {} (a ': ' inside a value makes it a "
                                                "mapping: put the value in double quotes)",
                                             what, TypeName(node))
                       : node.IsNull() ? TrF("{} must be a plain value, found {} (is the value missing? a '#' after "
                                             "a space starts a comment: quote a value holding '#')",
                                             what, TypeName(node))
                                       : TrF("{} must be a plain value, found {}", what, TypeName(node)));
  *out = node.Scalar();
  return Status::Ok();
}

Status YamlDoc::String(const YamlNode& map, const char* key, std::string* out, bool required) const {
  YamlNode value = map[key];
  if (!value) {
    if (required) return Error(map, TrF("missing required key '{}'", key));
    return Status::Ok();
  }
  TSUNAGU_TRY(Scalar(value, key, out));
  if (required && out->empty()) return Error(value, TrF("'{}' is empty", key));
  return Status::Ok();
}

Status YamlDoc::Int(const YamlNode& map, const char* key, int* out, bool required) const {
  std::string text;
  YamlNode value = map[key];
  if (!value) return required ? Error(map, TrF("missing required key '{}'", key)) : Status::Ok();
  TSUNAGU_TRY(Scalar(value, key, &text));
  size_t used = 0;
  long parsed = 0;
  try {
    parsed = std::stol(text, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != text.size() || parsed < -1000000 || parsed > 1000000)
    return Error(value, TrF("'{}' must be a whole number, found '{}'", key, text));
  *out = static_cast<int>(parsed);
  return Status::Ok();
}

Status YamlDoc::Bool(const YamlNode& map, const char* key, bool* out, bool required) const {
  std::string text;
  YamlNode value = map[key];
  if (!value) return required ? Error(map, TrF("missing required key '{}'", key)) : Status::Ok();
  TSUNAGU_TRY(Scalar(value, key, &text));
  if (text == "true") *out = true;
  else if (text == "false") *out = false;
  else return Error(value, TrF("'{}' must be true or false, found '{}'", key, text));
  return Status::Ok();
}

Status YamlDoc::StringList(const YamlNode& map, const char* key, std::vector<std::string>* out, bool required) const {
  YamlNode value = map[key];
  if (!value) return required ? Error(map, TrF("missing required key '{}'", key)) : Status::Ok();
  if (!value.IsSequence()) return Error(value, TrF("'{}' must be a list like [a, b], found {}", key, TypeName(value)));
  out->clear();
  for (const YamlNode& item : value) {
    std::string text;
    TSUNAGU_TRY(Scalar(item, key, &text));
    if (text.empty()) return Error(item, TrF("empty entry in '{}'", key));
    out->push_back(text);
  }
  return Status::Ok();
}

Status YamlDoc::Text(const YamlNode& map, const char* key, LocalText* out, bool required) const {
  YamlNode value = map[key];
  if (!value) return required ? Error(map, TrF("missing required key '{}'", key)) : Status::Ok();
  TSUNAGU_TRY(CheckMap(value, {"ja", "en"}, key));
  TSUNAGU_TRY(String(value, "ja", &out->ja, required));
  TSUNAGU_TRY(String(value, "en", &out->en, required));
  return Status::Ok();
}
