#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace dermdesk::ui {

// Paints DayAgendaModel rows: the status with its glyph and colour, the practitioner and the
// appointment type with their colour swatches, cancelled and no-show rows muted and struck through.
class AgendaDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit AgendaDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    [[nodiscard]] QIcon swatch(const QString &colour) const;
    [[nodiscard]] QIcon statusIcon(int status) const;

    mutable QHash<QString, QIcon> m_swatches;
    mutable QHash<int, QIcon> m_statusIcons;
};

} // namespace dermdesk::ui
