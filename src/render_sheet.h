// Referral sheets (Markdown and HTML) and CSV rows for batch output. A
// sheet is what a worker hands to a colleague or prints, a form to file:
// a header with the case id, the date and time of issue (RenderOptions::at;
// blank when not set) and blank fields for the worker, section, contact,
// consent (本人同意 / 家族同意 / 未確認) and notes; a privacy line; the case
// as entered; alerts with each crisis contact on its own line; who is who
// (each person, their age and what the case says of them); the team; each
// agency with its role in this case, phone, hours and whether it is open
// at the moment of issue; then one notice on where the contacts come from
// and when the data was last checked. Markdown sheets end with a `---`
// line, so cases one after another stay apart.
//
// The HTML prints on A4 (print CSS): each case starts a new page, a
// typical case (up to 6 agencies) fits one page, and a longer one goes on
// with the case id and date at the top and foot of every page (a table
// whose <thead>/<tfoot> the browser repeats) and "n / N" pages at the
// foot (@page margin box: the document's pages, so per case with --split).
// No agency row and no heading is left alone at a page's foot.
//
// Every text from the input (ids, the case, error messages) is escaped for
// its format, and its control characters (C0 but tab, DEL, C1) are shown
// as \u00XX, like the JSON output writes them; a line break too, except
// inside the case text of a sheet, which keeps its lines (Markdown quotes
// each one).
#ifndef TSUNAGU_RENDER_SHEET_H_
#define TSUNAGU_RENDER_SHEET_H_

#include <string>

#include "model.h"
#include "render.h"
#include "result.h"

/// One case's sheet in Markdown.
std::string RenderSheetMarkdown(const Model& model, const CaseResult& result, const RecordIdentity& record,
                                const RenderOptions& options);

/// One case's sheet as an HTML <section> (no document around it).
std::string RenderSheetHtml(const Model& model, const CaseResult& result, const RecordIdentity& record,
                            const RenderOptions& options);

/// A document's <title>: "紹介シート ID(発行 2026-12-03 10:00)" for one
/// case's file, "紹介シート(発行 …)" for a batch's (record null).
std::string SheetTitle(const RecordIdentity* record, const RenderOptions& options);

/// A record that could not be read, as a sheet section saying why.
std::string RenderErrorMarkdown(const RecordIdentity& record, const std::string& error, Lang lang);
std::string RenderErrorHtml(const RecordIdentity& record, const std::string& error, Lang lang);

/// The HTML document around sections (title, print CSS for A4); an empty
/// title is 「紹介シート」 / "Referral sheets".
std::string HtmlDocumentStart(Lang lang, const std::string& title = "");
std::string HtmlDocumentEnd();

/// CSV: the header, one row per case and agency, and an error row. A text
/// field that would start with = + - @, a tab or a CR starts with ' (so a
/// spreadsheet shows it as text: CSV injection); rows end with "\n".
std::string CsvHeader();
std::string RenderCsvRows(const Model& model, const CaseResult& result, const RecordIdentity& record,
                          const RenderOptions& options);
std::string RenderCsvError(const RecordIdentity& record, const std::string& error);

#endif  // TSUNAGU_RENDER_SHEET_H_
