#include "gui/itemstatelabel.h"

#include <QCoreApplication>

namespace Salvo {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::ItemStateLabel)
};
} // namespace

QString itemStateLabel(ItemState state)
{
    switch (state) {
    case ItemState::Queued:
        return Tr::tr("Queued");
    case ItemState::InFlight:
        return Tr::tr("In flight");
    case ItemState::Retrying:
        return Tr::tr("Retrying");
    case ItemState::Ok:
        return Tr::tr("OK");
    case ItemState::Failed:
        return Tr::tr("Failed");
    case ItemState::Cancelled:
        return Tr::tr("Cancelled");
    }
    return {};
}

} // namespace Salvo
