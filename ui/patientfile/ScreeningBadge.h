#pragma once

#include "patients/ScreeningOutcome.h"

#include <QColor>
#include <QFrame>
#include <QIcon>

class QLabel;

namespace dermdesk::ui {

// A patient's screening status at a glance, for a treatment session today: a tinted pill with an icon
// and a word (so it reads without colour vision) followed by the names of the rules that apply.
//   Clear        ✓ green         nothing applies
//   Caution      ⚠ amber         caution rules apply (names listed)
//   Out of date  clock, amber    the newest answer is older than the clinic allows ("Not screened" when
//                                there is none at all)
//   Stop         ⛔ red           stop rules apply (names listed); cautions follow them
class ScreeningBadge : public QFrame
{
    Q_OBJECT

public:
    enum class Level {
        Unknown,
        Clear,
        Caution,
        OutOfDate,
        Stop
    };
    Q_ENUM(Level)

    explicit ScreeningBadge(QWidget *parent = nullptr);

    void setOutcome(const ScreeningOutcome &outcome);
    // Shows that the status could not be worked out (e.g. a storage error), with `reason`.
    void setUnknown(const QString &reason);

    [[nodiscard]] Level level() const { return m_level; }
    // The word in the pill: "Screening clear", "Caution", "Screening out of date", "Not screened", "Stop".
    [[nodiscard]] QString levelText() const;
    // The rules' names (and other findings) after the pill.
    [[nodiscard]] QString detailText() const;

    [[nodiscard]] static Level levelOf(const ScreeningOutcome &outcome);
    [[nodiscard]] static QColor colour(Level level);
    [[nodiscard]] static QIcon icon(Level level);
    [[nodiscard]] static QString text(Level level);

private:
    void show(Level level, const QString &detail);

    Level m_level = Level::Unknown;
    QLabel *m_icon = nullptr;
    QLabel *m_word = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace dermdesk::ui
