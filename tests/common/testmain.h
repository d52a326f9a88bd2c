#pragma once

#include <QCoreApplication>
#include <QTest>

/// main() for a QtTest class that needs no display. QT_QPA_PLATFORM defaults to offscreen so the
/// same binary runs on a desktop, in CI and under ctest alike.
#define OVERSEER_TEST_MAIN(TestClass)                                                                                  \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))                                                             \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                                   \
        QCoreApplication app(argc, argv);                                                                              \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
