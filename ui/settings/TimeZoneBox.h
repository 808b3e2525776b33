#pragma once

#include <QComboBox>
#include <QDateTime>

namespace dermdesk::ui {

// An editable combo of the IANA time-zone ids, searchable by any part of the name ("york" finds
// America/New_York). The text is passed on as typed; ClinicRepository::validate decides what is a zone.
class TimeZoneBox : public QComboBox
{
    Q_OBJECT

public:
    explicit TimeZoneBox(QWidget *parent = nullptr);

    [[nodiscard]] QByteArray zoneId() const;
    void setZoneId(const QByteArray &id);
    // "It is now 10:42 there (EST)." or a note that the text is not a known zone.
    [[nodiscard]] QString hint(const QDateTime &nowUtc) const;
};

} // namespace dermdesk::ui
