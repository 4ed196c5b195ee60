// Referral sheets (Markdown and HTML) and CSV rows for batch output. A
// sheet is what a worker hands to a colleague or prints: the case as
// entered, alerts first, the team, then each agency with its role in this
// case, phone, address, hours, eligibility notes and whether its details
// are verified. The HTML prints on A4 (print CSS, one case per page).
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

/// A record that could not be read, as a sheet section saying why.
std::string RenderErrorMarkdown(const RecordIdentity& record, const std::string& error, Lang lang);
std::string RenderErrorHtml(const RecordIdentity& record, const std::string& error, Lang lang);

/// The HTML document around sections (title, print CSS for A4).
std::string HtmlDocumentStart(Lang lang);
std::string HtmlDocumentEnd();

/// CSV: the header, one row per case and agency, and an error row. A text
/// field that would start with = + - @, a tab or a CR starts with ' (so a
/// spreadsheet shows it as text: CSV injection); rows end with "\n".
std::string CsvHeader();
std::string RenderCsvRows(const Model& model, const CaseResult& result, const RecordIdentity& record,
                          const RenderOptions& options);
std::string RenderCsvError(const RecordIdentity& record, const std::string& error);

#endif  // TSUNAGU_RENDER_SHEET_H_
