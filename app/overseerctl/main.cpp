#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"overseerctl"_qs);
    QTextStream(stderr) << "overseerctl: no commands are built yet\n";
    return 2;
}
