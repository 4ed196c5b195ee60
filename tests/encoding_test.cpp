// Tests for the input encodings of src/batch_input.h: UTF-8 with or
// without a byte order mark, CP932 (Shift_JIS as Excel saves it) chosen or
// detected, and the error record of a line that is not CP932. The CP932
// bytes are written out in hex (checked against `iconv -f UTF-8 -t CP932`),
// so the test does not convert with the iconv it checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "batch_input.h"

namespace {

// Bytes from hex pairs: Hex("95 5c") is 表 in CP932.
std::string Hex(const char* hex) {
  std::string out;
  for (const char* p = hex; *p;) {
    if (*p == ' ') {
      ++p;
      continue;
    }
    out += static_cast<char>(std::stoi(std::string(p, 2), nullptr, 16));
    p += 2;
  }
  return out;
}

// 表, ソ, 能 and 予: their second byte is 0x5C, a backslash.
const std::string kHyoSoNo = Hex("95 5c 83 5c 94 5c");
const std::string kYo = Hex("97 5c");
// 親が80代、息子は無職 / 生活が苦しい / 息子 / ｱｲｳ (one byte each) / ① (NEC) / 髙 (IBM).
const std::string kOya = Hex("90 65 82 aa") + "80" + Hex("91 e3 81 41 91 a7 8e 71 82 cd 96 b3 90 45");
const std::string kSeikatsu = Hex("90 b6 8a 88 82 aa 8b ea 82 b5 82 a2");
const std::string kMusuko = Hex("91 a7 8e 71");
const std::string kHalfKana = Hex("b1 b2 b3");
const std::string kCircled1 = Hex("87 40");
const std::string kTaka = Hex("fb fc");

struct Read {
  Status open;
  std::vector<Record> records;
  std::vector<InputEncoding> detected;  // what auto settled on, each call
};

Read ReadAll(InputFormat format, const std::string& bytes, InputEncoding encoding = InputEncoding::kAuto) {
  Read out;
  FILE* f = bytes.empty() ? tmpfile() : fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  REQUIRE(f != nullptr);
  ReaderOptions options;
  options.encoding = encoding;
  options.detected = [&out](InputEncoding e) { out.detected.push_back(e); };
  auto reader = MakeRecordReader(format, f, "the input", options);
  out.open = reader->Open();
  Record r;
  if (out.open.ok())
    while (reader->Next(&r)) out.records.push_back(r);
  fclose(f);
  return out;
}

}  // namespace

TEST_CASE("--encoding names: auto, utf-8 and the names of CP932, in any case") {
  InputEncoding e = InputEncoding::kAuto;
  for (const char* name : {"utf-8", "UTF-8", "utf8", "Utf8"}) {
    e = InputEncoding::kAuto;
    CHECK(ParseInputEncoding(name, &e));
    CHECK(e == InputEncoding::kUtf8);
  }
  for (const char* name :
       {"cp932", "CP932", "shift_jis", "Shift_JIS", "shift-jis", "sjis", "SJIS", "windows-31j", "MS932"}) {
    e = InputEncoding::kAuto;
    CHECK(ParseInputEncoding(name, &e));
    CHECK(e == InputEncoding::kCp932);
  }
  e = InputEncoding::kCp932;
  CHECK(ParseInputEncoding("AUTO", &e));
  CHECK(e == InputEncoding::kAuto);
  for (const char* name : {"", "latin1", "utf-16", "euc-jp", "cp 932"}) CHECK_FALSE(ParseInputEncoding(name, &e));
  const std::vector<std::string> names = InputEncodingNames();
  CHECK(names.front() == "auto");
  CHECK(std::find(names.begin(), names.end(), "sjis") != names.end());
}

TEST_CASE("UTF-8 with a byte order mark: the mark is dropped, the header is read, auto says UTF-8") {
  Read csv = ReadAll(InputFormat::kCsv, "\xEF\xBB\xBFid,text\r\nA,親が80代\r\n");
  REQUIRE(csv.open.ok());
  REQUIRE(csv.records.size() == 1);
  CHECK(csv.records[0].id == "A");
  CHECK(csv.records[0].text == "親が80代");
  CHECK(csv.detected == std::vector<InputEncoding>{InputEncoding::kUtf8});

  Read text = ReadAll(InputFormat::kText, "\xEF\xBB\xBF息子は無職\n");
  REQUIRE(text.records.size() == 1);
  CHECK(text.records[0].text == "息子は無職");

  // Without the mark: the same records.
  Read plain = ReadAll(InputFormat::kCsv, "id,text\nA,親が80代\n");
  REQUIRE(plain.records.size() == 1);
  CHECK(plain.records[0].text == "親が80代");
  CHECK(plain.detected == std::vector<InputEncoding>{InputEncoding::kUtf8});
}

TEST_CASE("CP932 as Excel saves it (CRLF, quoted fields across lines) is detected and read as UTF-8") {
  const std::string input =
      "id,text\r\n"
      "A1,\"" +
      kHyoSoNo + "\x81\x41" + kOya +
      "\"\r\n"
      "A2,\"" +
      kSeikatsu + "\r\n" + kMusuko +
      ",\"\"x\"\"\"\r\n"
      "\"=1+2\"," +
      kYo + kHalfKana + kCircled1 + kTaka + "\r\n";
  Read read = ReadAll(InputFormat::kCsv, input);
  REQUIRE(read.open.ok());
  CHECK(read.detected == std::vector<InputEncoding>{InputEncoding::kCp932});
  REQUIRE(read.records.size() == 3);
  for (const Record& r : read.records) CHECK(r.error == "");
  CHECK(read.records[0].id == "A1");
  CHECK(read.records[0].text == "表ソ能、親が80代、息子は無職");
  CHECK(read.records[1].text == "生活が苦しい\n息子,\"x\"");
  CHECK(read.records[1].line == 3);
  CHECK(read.records[2].id == "=1+2");
  CHECK(read.records[2].text == "予ｱｲｳ①髙");
  CHECK(read.records[2].line == 5);
}

TEST_CASE("CP932 JSON Lines: a second byte 0x5C before a quote is not a JSON escape") {
  // Read as bytes, 表" would be \" and the string would not end.
  const std::string input = "{\"id\":\"j1\",\"text\":\"" + kOya + kHyoSoNo +
                            "\"}\n"
                            "{\"id\":\"j2\",\"text\":\"" +
                            kYo + "n\"}\n";
  for (InputEncoding encoding : {InputEncoding::kAuto, InputEncoding::kCp932}) {
    Read read = ReadAll(InputFormat::kJsonl, input, encoding);
    REQUIRE(read.records.size() == 2);
    CHECK(read.records[0].error == "");
    CHECK(read.records[0].text == "親が80代、息子は無職表ソ能");
    CHECK(read.records[1].text == "予n");  // not 予 and a line break
  }
  Read text = ReadAll(InputFormat::kText, kHyoSoNo + "\n" + kSeikatsu + "\r\n", InputEncoding::kCp932);
  REQUIRE(text.records.size() == 2);
  CHECK(text.records[0].text == "表ソ能");
  CHECK(text.records[1].text == "生活が苦しい");
  CHECK(text.detected.empty());  // asked for, not detected
}

TEST_CASE("a byte that is not CP932 makes an error record naming the line, the byte and its column") {
  const std::string input =
      "id,text\r\n"
      "A1," +
      kOya + kSeikatsu + kOya +
      "\r\n"  // for auto: mostly good CP932
      "A2," +
      kHyoSoNo + "\xff" +
      "x\r\n"  // 0xFF is never CP932
      "A3,\"" +
      kSeikatsu + "\r\nab\x81\"\r\n" +    // a first byte with a quote after it
      std::string("A4,nul\0x\r\n", 10) +  // NUL
      "A5," + kMusuko +
      "\x81\r\n"  // a first byte at the end of the line
      "A6," +
      kSeikatsu + "\r\n";
  for (InputEncoding encoding : {InputEncoding::kCp932, InputEncoding::kAuto}) {
    INFO("encoding " << static_cast<int>(encoding));
    Read read = ReadAll(InputFormat::kCsv, input, encoding);
    REQUIRE(read.open.ok());
    REQUIRE(read.records.size() == 6);
    CHECK(read.records[0].error == "");
    CHECK(read.records[1].error_kind == "invalid-cp932");
    CHECK(read.records[1].error ==
          "line 3: not valid CP932 (byte 0xFF at column 7); save the file as UTF-8 or give --encoding");
    // The quote after the bad byte still closes the field: the next
    // record is read where it starts. The line is the one with the byte.
    CHECK(read.records[2].line == 4);
    CHECK(read.records[2].error ==
          "line 5: not valid CP932 (byte 0x81 at column 3); save the file as UTF-8 or give --encoding");
    CHECK(read.records[3].id == "4");
    CHECK(read.records[3].error ==
          "line 6: not valid CP932 (byte 0x00 at column 7); save the file as UTF-8 or give --encoding");
    CHECK(read.records[4].error ==
          "line 7: not valid CP932 (byte 0x81 at column 6); save the file as UTF-8 or give --encoding");
    CHECK(read.records[5].error == "");
    CHECK(read.records[5].text == "生活が苦しい");
  }
  // The same in text and JSON Lines.
  Read text = ReadAll(InputFormat::kText, kOya + "\n" + kHyoSoNo + "\xfd\n", InputEncoding::kCp932);
  REQUIRE(text.records.size() == 2);
  CHECK(text.records[1].error_kind == "invalid-cp932");
  CHECK(text.records[1].error ==
        "line 2: not valid CP932 (byte 0xFD at column 4); save the file as UTF-8 or give --encoding");
  Read jsonl = ReadAll(InputFormat::kJsonl, "{\"text\":\"\x80\"}\n", InputEncoding::kCp932);
  REQUIRE(jsonl.records.size() == 1);
  CHECK(jsonl.records[0].error ==
        "line 1: not valid CP932 (byte 0x80 at column 10); save the file as UTF-8 or give --encoding");
}

TEST_CASE("a CSV header that is not CP932 is refused before any record") {
  Read read = ReadAll(InputFormat::kCsv, "id,te\xffxt\r\nA,x\r\n", InputEncoding::kCp932);
  CHECK(read.open.kind() == ErrorKind::kInput);
  CHECK(read.open.message() ==
        "line 1: the CSV header is not valid CP932 (byte 0xFF at column 6); save the file as UTF-8 or give --encoding");
  // A UTF-8 byte order mark is not CP932: --encoding cp932 on a UTF-8 file.
  Read bom = ReadAll(InputFormat::kCsv, "\xEF\xBB\xBFid,text\n", InputEncoding::kCp932);
  CHECK(bom.open.message() ==
        "line 1: the CSV header is not valid CP932 (byte 0xEF at column 1); save the file as UTF-8 or give --encoding");
}

TEST_CASE("--encoding utf-8 on CP932 input: error records that name UTF-8") {
  Read read = ReadAll(InputFormat::kCsv, "id,text\r\nA1," + kOya + "\r\n", InputEncoding::kUtf8);
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].error_kind == "invalid-utf8");
  CHECK(read.records[0].error == "line 2: the record is not valid UTF-8 (or holds a NUL byte) at byte offset 3");
  CHECK(read.detected.empty());
}

TEST_CASE("auto keeps UTF-8 for a UTF-8 file with a stray bad byte: no mojibake") {
  Read read = ReadAll(InputFormat::kCsv, "id,text\n1,親が80代、息子は無職\n2,生活\xffが苦しい\n3,借金がある\n");
  CHECK(read.detected == std::vector<InputEncoding>{InputEncoding::kUtf8});
  REQUIRE(read.records.size() == 3);
  CHECK(read.records[0].text == "親が80代、息子は無職");
  CHECK(read.records[1].error_kind == "invalid-utf8");
  CHECK(read.records[2].text == "借金がある");
  // A CP932 file with one bad byte is still CP932.
  Read cp932 = ReadAll(InputFormat::kText, kOya + "\n" + kSeikatsu + "\xff\n" + kOya + kSeikatsu + "\n");
  CHECK(cp932.detected == std::vector<InputEncoding>{InputEncoding::kCp932});
  REQUIRE(cp932.records.size() == 3);
  CHECK(cp932.records[0].text == "親が80代、息子は無職");
  CHECK(cp932.records[1].error_kind == "invalid-cp932");
  CHECK(cp932.records[2].text == "親が80代、息子は無職生活が苦しい");
}

TEST_CASE("auto: ASCII says nothing; CP932 after more than a block of ASCII is still found") {
  Read ascii = ReadAll(InputFormat::kText, "son 52, unemployed\nmother 80\n");
  CHECK(ascii.detected.empty());
  CHECK(ascii.records.size() == 2);

  std::string input;
  for (int i = 0; i < 4000; ++i) input += "son 52, unemployed\n";  // 76,000 bytes
  input += kOya + "\n" + kHyoSoNo + "\n";
  Read read = ReadAll(InputFormat::kText, input);
  CHECK(read.detected == std::vector<InputEncoding>{InputEncoding::kCp932});
  REQUIRE(read.records.size() == 4002);
  CHECK(read.records[4000].text == "親が80代、息子は無職");
  CHECK(read.records[4001].text == "表ソ能");
}

TEST_CASE("CP932: a character cut by the reader's 64 KiB block comes out whole") {
  // ASCII lines up to byte 65535, so 表's two bytes fall in two blocks.
  std::string input;
  while (input.size() < 65535 - 100) input += std::string(99, 'a') + "\n";
  input += std::string(65535 - input.size() - 1, 'b') + "\n";
  REQUIRE(input.size() == 65535);
  input += kHyoSoNo + "\n";
  for (InputEncoding encoding : {InputEncoding::kAuto, InputEncoding::kCp932}) {
    Read read = ReadAll(InputFormat::kText, input, encoding);
    REQUIRE(!read.records.empty());
    CHECK(read.records.back().error == "");
    CHECK(read.records.back().text == "表ソ能");
  }
}

TEST_CASE("CP932: a line over the limit once in UTF-8 is a too-long record, and reading goes on") {
  // 30,000 half-width katakana: 30,000 bytes in CP932, 90,000 in UTF-8.
  std::string kana;
  for (int i = 0; i < 10000; ++i) kana += kHalfKana;
  Read text = ReadAll(InputFormat::kText, kana + "\n" + kOya + "\n", InputEncoding::kCp932);
  REQUIRE(text.records.size() == 2);
  CHECK(text.records[0].error_kind == "too-long");
  CHECK(text.records[1].text == "親が80代、息子は無職");
  // In a quoted CSV field across lines: the record is skipped to where
  // the field closes.
  Read csv =
      ReadAll(InputFormat::kCsv, "id,text\r\nA,\"" + kOya + "\r\n" + kana + "\r\n" + kana + "\"\r\nB," + kYo + "\r\n",
              InputEncoding::kCp932);
  REQUIRE(csv.records.size() == 2);
  CHECK(csv.records[0].error_kind == "too-long");
  CHECK(csv.records[1].id == "B");
  CHECK(csv.records[1].text == "予");
}
