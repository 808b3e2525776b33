#pragma once

#include <QString>

namespace dermdesk::bench {

class BenchReport;

// The patient documents' figures (issue 6) on a demo clinic at scale, each the median of repeated runs,
// writing PDFs into a temporary folder (needs a QGuiApplication for fonts). Nothing here changes the
// database at `path`; "now" is the demo's own present.
//
// handout_pdf_ms: HandoutComposer::compose() of a patient with an active plan and booked sessions (the whole
// guide, plan, appointments, pre-care, aftercare) plus DocumentPrinter::writePdf() (target ≤ 300 ms).
// day_sheet_pdf_ms: DaySheetComposer::compose() of the whole clinic's day whose appointment count is nearest
// 60, plus writePdf() in landscape (target ≤ 300 ms); the note gives the day and its row count.
void benchEducation(BenchReport &report, const QString &path, int runs);

} // namespace dermdesk::bench
