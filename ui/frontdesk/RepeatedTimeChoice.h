#pragma once

#include "calendar/ClinicTime.h"

#include <QComboBox>

#include <optional>

namespace dermdesk::ui {

// Which reading of a wall-clock time the clocks show twice (the hour repeated when they go back) a person
// means: "01:30 EDT (first)" / "01:30 EST (second)". Shown only while the time entered has two readings;
// hidden (and empty) while it has one.
class RepeatedTimeChoice : public QComboBox
{
    Q_OBJECT

public:
    explicit RepeatedTimeChoice(QWidget *parent = nullptr);

    // Offers `readings` (of one wall-clock time, earliest first) when there are two: the reading chosen so far
    // stays chosen (first or second), unless `instant` names one of them. Signals are not emitted.
    void offer(const ClinicTime &time, const QList<ClinicTime::Reading> &readings,
               std::optional<qint64> instant = std::nullopt);
    // The chosen one of `readings` (the only one when there is one); nullopt when there are none.
    [[nodiscard]] std::optional<qint64> chosen(const QList<ClinicTime::Reading> &readings) const;
};

} // namespace dermdesk::ui
