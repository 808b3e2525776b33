#include "ui/frontdesk/RepeatedTimeChoice.h"

#include "common/TimeFormat.h"

#include <QSignalBlocker>

namespace dermdesk::ui {

RepeatedTimeChoice::RepeatedTimeChoice(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("repeatedTimeCombo"));
    setAccessibleName(tr("Which of the two hours"));
    setToolTip(tr("The clocks go back this night, so this time happens twice"));
    setVisible(false);
}

void RepeatedTimeChoice::offer(const ClinicTime &time, const QList<ClinicTime::Reading> &readings,
                               std::optional<qint64> instant)
{
    const QSignalBlocker blocker(this);
    if (readings.size() < 2) {
        clear();
        setVisible(false);
        return;
    }
    int index = std::max(0, currentIndex());
    clear();
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const ClinicTime::Reading &r = readings.at(i);
        const QString clock = clockTimeText(time.toLocal(r.instant).time(), locale());
        addItem((i == 0 ? tr("%1 %2 (first)") : tr("%1 %2 (second)")).arg(clock, r.abbreviation), r.instant);
        if (instant && *instant == r.instant)
            index = int(i);
    }
    setCurrentIndex(std::min(index, count() - 1));
    setVisible(true);
}

std::optional<qint64> RepeatedTimeChoice::chosen(const QList<ClinicTime::Reading> &readings) const
{
    if (readings.isEmpty())
        return std::nullopt;
    const qsizetype index = readings.size() > 1 ? std::clamp<qsizetype>(currentIndex(), 0, readings.size() - 1) : 0;
    return readings.at(index).instant;
}

} // namespace dermdesk::ui
