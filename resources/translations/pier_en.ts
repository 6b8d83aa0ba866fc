<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LogPanel</name>
    <message numerus="yes">
        <source>{shown} of %n shown</source>
        <translation>
            <numerusform>{shown} of %n shown</numerusform>
            <numerusform>{shown} of %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n upload chunks folded</source>
        <translation>
            <numerusform> · %n upload chunk folded</numerusform>
            <numerusform> · %n upload chunks folded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting (paused)</source>
        <translation>
            <numerusform> · %n waiting (paused)</numerusform>
            <numerusform> · %n waiting (paused)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n devices are connected</source>
        <translation>
            <numerusform>%n device is connected</numerusform>
            <numerusform>%n devices are connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfers are running</source>
        <translation>
            <numerusform>%n transfer is running</numerusform>
            <numerusform>%n transfers are running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficTexts</name>
    <message numerus="yes">
        <source>In the cache: {size} in %n files. </source>
        <translation>
            <numerusform>In the cache: {size} in %n file. </numerusform>
            <numerusform>In the cache: {size} in %n files. </numerusform>
        </translation>
    </message>
</context>
</TS>
