#include "messages.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>

// From the build: src/messages/ja.po compiled by msgfmt (messages_ja.cpp).
extern const unsigned char kJapaneseCatalogue[];
extern const std::size_t kJapaneseCatalogueSize;

namespace {

Lang message_language = Lang::kEn;

// A GNU .mo file read in place: a header, then two tables of (length,
// offset) pairs for the ids and their texts, the ids sorted (msgfmt sorts
// them), each string NUL-terminated. https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html
class MoCatalogue {
 public:
  MoCatalogue(const unsigned char* bytes, std::size_t size) : bytes_(bytes), size_(size) {
    if (size < 28) return;
    const std::uint32_t magic = Word(0);
    if (magic == 0x950412de) swapped_ = false;
    else if (magic == 0xde120495) swapped_ = true;
    else return;
    count_ = Word(8);
    ids_ = Word(12);
    texts_ = Word(16);
    if (ids_ > size || texts_ > size || count_ > (size - ids_) / 8 || count_ > (size - texts_) / 8) count_ = 0;
  }

  std::size_t size() const { return count_; }
  std::string_view Id(std::uint32_t i) const { return String(ids_ + 8 * i); }
  std::string_view Text(std::uint32_t i) const { return String(texts_ + 8 * i); }

  const char* Find(const char* id) const {
    std::uint32_t low = 0, high = count_;
    while (low < high) {
      const std::uint32_t mid = low + (high - low) / 2;
      const int order = Id(mid).compare(id);
      if (order == 0) return Text(mid).empty() ? nullptr : Text(mid).data();
      if (order < 0) low = mid + 1;
      else high = mid;
    }
    return nullptr;
  }

 private:
  std::uint32_t Word(std::size_t at) const {
    std::uint32_t w;
    std::memcpy(&w, bytes_ + at, 4);
    return swapped_ ? __builtin_bswap32(w) : w;
  }
  // A table entry's string; empty when it would lie outside the file or
  // lacks its NUL (the file is ours and built by msgfmt, but a reader
  // should not trust offsets it has not checked).
  std::string_view String(std::size_t entry) const {
    const std::uint32_t length = Word(entry), offset = Word(entry + 4);
    if (offset > size_ || length >= size_ - offset || bytes_[offset + length] != '\0') return {};
    return {reinterpret_cast<const char*>(bytes_ + offset), length};
  }

  const unsigned char* bytes_;
  std::size_t size_;
  bool swapped_ = false;
  std::uint32_t count_ = 0, ids_ = 0, texts_ = 0;
};

const MoCatalogue& Japanese() {
  static std::once_flag once;
  static const MoCatalogue* catalogue = nullptr;
  std::call_once(once, [] { catalogue = new MoCatalogue(kJapaneseCatalogue, kJapaneseCatalogueSize); });
  return *catalogue;
}

}  // namespace

void SetMessageLanguage(Lang lang) { message_language = lang; }

Lang MessageLanguage() { return message_language; }

const char* Tr(const char* id) {
  if (message_language == Lang::kEn) return id;
  const char* text = Japanese().Find(id);
  return text ? text : id;
}

bool ParseLanguage(const std::string& value, Lang* lang) {
  std::string code = value.substr(0, value.find_first_of("_.@-"));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (code != "ja" && code != "en") return false;
  *lang = code == "en" ? Lang::kEn : Lang::kJa;
  return true;
}

Lang LanguageFromEnvironment(std::string* bad_tsunagu_lang) {
  Lang lang = Lang::kJa;
  if (const char* own = std::getenv("TSUNAGU_LANG"); own && *own) {
    if (ParseLanguage(own, &lang)) return lang;
    *bad_tsunagu_lang = own;
  }
  // POSIX's order for messages: LC_ALL, then LC_MESSAGES, then LANG.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return ParseLanguage(value, &lang) ? lang : Lang::kJa;
  }
  return Lang::kJa;
}

std::vector<std::pair<std::string_view, std::string_view>> MessageCatalogue() {
  std::vector<std::pair<std::string_view, std::string_view>> all;
  const MoCatalogue& ja = Japanese();
  for (std::uint32_t i = 0; i < ja.size(); ++i) all.emplace_back(ja.Id(i), ja.Text(i));
  return all;
}
