#pragma once

#include <QLabel>
#include <QStringList>

namespace dermdesk::ui {

// A one-line label that says as much as fits: it is given the same text at several lengths, longest first
// ("Tomorrow, Friday, 27 November 2026", "Tomorrow, Fri 27 Nov 2026", "Tomorrow, 27 Nov"), shows the longest
// that fits its width, and never asks for more room than the shortest needs. Below that it elides the shortest
// at the end, so a word is never cut off without the "…" saying so. text() is the one shown; fullText() the
// longest, which is also the tooltip when a shorter one is shown.
class FittingLabel : public QLabel
{
    Q_OBJECT

public:
    explicit FittingLabel(QWidget *parent = nullptr);

    void setTexts(const QStringList &longestFirst);
    [[nodiscard]] QString fullText() const { return m_texts.value(0); }

    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fit();

    QStringList m_texts;
};

} // namespace dermdesk::ui
