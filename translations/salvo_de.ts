<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Salvo::ApiKeyStore</name>
    <message>
        <source>This computer has no keychain Salvo can use, so the key cannot be saved. Set %1 in the environment instead.</source>
        <translation>Dieser Rechner hat keinen Schlüsselbund, den Salvo nutzen kann, daher kann der Schlüssel nicht gespeichert werden. Setzen Sie stattdessen %1 in der Umgebung.</translation>
    </message>
    <message>
        <source>The key could not be saved in the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The key could not be removed from the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>Salvo::AttemptsModel</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>Fehlertyp</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Salvo::BatchEngine</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The prompt template: %1</source>
        <translation>Die Prompt-Vorlage: %1</translation>
    </message>
    <message>
        <source>The system prompt: %1</source>
        <translation>Der System-Prompt: %1</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the requests in flight.</source>
        <translation>Wird abgebrochen: Warten auf die laufenden Anfragen.</translation>
    </message>
    <message>
        <source>Paused at the spend cap of $%1: $%2 spent, and the next request could cost up to $%3. Raise the cap to go on.</source>
        <translation>Pausiert beim Ausgabenlimit von $%1: $%2 ausgegeben, und die nächste Anfrage könnte bis zu $%3 kosten. Erhöhen Sie das Limit, um fortzufahren.</translation>
    </message>
    <message>
        <source>The API key was rejected (HTTP %1). Check the key, then resume the run. The server said: %2</source>
        <translation>Der API-Schlüssel wurde abgelehnt (HTTP %1). Prüfen Sie den Schlüssel und setzen Sie dann den Lauf fort. Der Server meldete: %2</translation>
    </message>
    <message>
        <source>The account&apos;s quota or spend limit is exhausted (HTTP %1); retrying cannot help until it is raised. The server said: %2</source>
        <translation>Das Kontingent oder Ausgabenlimit des Kontos ist erschöpft (HTTP %1); erneute Versuche helfen erst, wenn es erhöht wurde. Der Server meldete: %2</translation>
    </message>
    <message>
        <source>Results cannot be saved: %1</source>
        <translation>Ergebnisse können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The spend cap needs the price of the model &quot;%1&quot;, which the price table does not know. Add it to the price file, or remove the cap.</source>
        <translation>Die Ausgabengrenze braucht den Preis des Modells „%1“, den die Preistabelle nicht kennt. Tragen Sie ihn in die Preisdatei ein oder entfernen Sie die Grenze.</translation>
    </message>
    <message>
        <source>Paused at the spend cap of $%1: $%2 spent, counting answers that were cut off or timed out at their worst case, and the next request could cost up to $%3. Raise the cap to go on.</source>
        <translation>An der Ausgabengrenze von $%1 angehalten: $%2 ausgegeben (abgebrochene oder unlesbare Antworten im ungünstigsten Fall gerechnet), und die nächste Anfrage könnte bis zu $%3 kosten. Erhöhen Sie die Grenze, um fortzufahren.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. If the server&apos;s certificate comes from a private authority (a company proxy, the simulator), trust it with the CA certificate setting or --ca-cert, then resume the run.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. Stammt das Zertifikat des Servers von einer eigenen Zertifizierungsstelle (ein Firmen-Proxy, der Simulator), vertrauen Sie ihr mit der Einstellung „CA-Zertifikat“ oder --ca-cert und setzen Sie den Lauf dann fort.</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2. Check the address and the network, then resume the run.</source>
        <translation>%1 ist nicht erreichbar: %2. Prüfen Sie die Adresse und das Netzwerk und setzen Sie den Lauf dann fort.</translation>
    </message>
    <message numerus="yes">
        <source>The provider asks for a wait of %n minute(s) before the next request (a daily limit?). Resume the run after %1.</source>
        <translation>
            <numerusform>Der Anbieter bittet, vor der nächsten Anfrage %n Minute zu warten (ein Tageslimit?). Setzen Sie den Lauf nach %1 fort.</numerusform>
            <numerusform>Der Anbieter bittet, vor der nächsten Anfrage %n Minuten zu warten (ein Tageslimit?). Setzen Sie den Lauf nach %1 fort.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Salvo::BatchEstimate</name>
    <message numerus="yes">
        <source>%n row(s) have an empty prompt, which the API will refuse: %1.</source>
        <translation>
            <numerusform>%n Zeile hat einen leeren Prompt, den die API ablehnen wird: %1.</numerusform>
            <numerusform>%n Zeilen haben einen leeren Prompt, den die API ablehnen wird: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to send: about %1 input tokens and at most %2 output tokens</source>
        <translation>
            <numerusform>%n Eintrag zu senden: etwa %1 Eingabe-Tokens und höchstens %2 Ausgabe-Tokens</numerusform>
            <numerusform>%n Einträge zu senden: etwa %1 Eingabe-Tokens und höchstens %2 Ausgabe-Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2 has no price in the price table, so no cost can be estimated.</source>
        <translation>%1; %2 hat keinen Preis in der Preistabelle, daher lassen sich keine Kosten schätzen.</translation>
    </message>
    <message>
        <source>%1; cost $%2 for the input plus at most $%3 for the output (%4 prices).</source>
        <translation>%1; Kosten $%2 für die Eingabe plus höchstens $%3 für die Ausgabe (Preise von %4).</translation>
    </message>
</context>
<context>
    <name>Salvo::CapControl</name>
    <message>
        <source>Requests in flight at most</source>
        <translation>Höchstens gleichzeitig offene Anfragen</translation>
    </message>
    <message>
        <source>How many requests may be waiting for an answer at once. Higher is faster until the provider&apos;s rate limit is reached. Takes effect at once, also while a run is going.</source>
        <translation>Wie viele Anfragen gleichzeitig auf eine Antwort warten dürfen. Mehr ist schneller, bis das Ratenlimit des Anbieters erreicht ist. Wirkt sofort, auch während eines Laufs.</translation>
    </message>
</context>
<context>
    <name>Salvo::Cli</name>
    <message>
        <source>Usage: salvo-cli COMMAND [options]

Commands:
  run INPUT --out FILE     send one prompt per item and write the results
  resume RUNFILE --out FILE  go on with an interrupted or failed run
  sim [options]            start the local API simulator

`salvo-cli COMMAND --help` lists each command&apos;s options.
Options: --help, --version
</source>
        <translation>Aufruf: salvo-cli BEFEHL [Optionen]

Befehle:
  run INPUT --out FILE     einen Prompt je Eintrag senden und die Ergebnisse schreiben
  resume RUNFILE --out FILE  einen unterbrochenen oder fehlgeschlagenen Lauf fortsetzen
  sim [Optionen]            den lokalen API-Simulator starten

`salvo-cli BEFEHL --help` listet die Optionen jedes Befehls.
Optionen: --help, --version
</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.

</source>
        <translation>Unbekannter Befehl „%1“.

</translation>
    </message>
</context>
<context>
    <name>Salvo::ConnectionTester</name>
    <message>
        <source>There is no API key to test. Enter one and press Save, or set it in the environment.</source>
        <translation>Es gibt keinen API-Schlüssel zum Testen. Geben Sie einen ein und klicken Sie auf Speichern, oder setzen Sie ihn in der Umgebung.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 answered, but not in the shape Salvo expects: %2</source>
        <translation>%1 hat geantwortet, aber nicht in der Form, die Salvo erwartet: %2</translation>
    </message>
    <message>
        <source>It works: %1 answered &quot;%2&quot; in %3 ms.</source>
        <translation>Es funktioniert: %1 hat in %3 ms mit „%2“ geantwortet.</translation>
    </message>
    <message>
        <source> The server said: %1</source>
        <translation> Der Server meldete: %1</translation>
    </message>
    <message>
        <source>The API key was rejected (%1). Check the key and save it again.</source>
        <translation>Der API-Schlüssel wurde abgelehnt (%1). Prüfen Sie den Schlüssel und speichern Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Not found (404): check the model name &quot;%1&quot; and the base URL.</source>
        <translation>Nicht gefunden (404): Prüfen Sie den Modellnamen „%1“ und die Basis-URL.</translation>
    </message>
    <message>
        <source>The key works, but the account&apos;s quota or spend limit is used up (429).</source>
        <translation>Der Schlüssel funktioniert, aber das Kontingent oder Ausgabenlimit des Kontos ist aufgebraucht (429).</translation>
    </message>
    <message>
        <source>The key works, but the provider is limiting requests right now (429). Runs will wait and retry.</source>
        <translation>Der Schlüssel funktioniert, aber der Anbieter drosselt gerade die Anfragen (429). Läufe warten und versuchen es erneut.</translation>
    </message>
    <message>
        <source>The request was refused (400): often the model name or max tokens.</source>
        <translation>Die Anfrage wurde abgelehnt (400): oft wegen des Modellnamens oder der maximalen Tokens.</translation>
    </message>
    <message>
        <source>The provider has a problem of its own (%1). Try again later.</source>
        <translation>Der Anbieter hat selbst ein Problem (%1). Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>Unexpected answer (HTTP %1).</source>
        <translation>Unerwartete Antwort (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>Salvo::CsvLoader</name>
    <message>
        <source>The quoted cell has text after its closing quote; the text was kept in the cell.</source>
        <translation>Die Zelle in Anführungszeichen hat Text nach dem schließenden Anführungszeichen; der Text wurde in der Zelle behalten.</translation>
    </message>
    <message>
        <source>%1, row %2, column %3: the quote that opens this cell (line %4) is never closed.</source>
        <translation>%1, Zeile %2, Spalte %3: Das Anführungszeichen, das diese Zelle öffnet (Textzeile %4), wird nie geschlossen.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 has no header: it ends before row %2.</source>
        <translation>%1 hat keine Kopfzeile: Die Datei endet vor Zeile %2.</translation>
    </message>
    <message>
        <source>%1 has no rows from row %2 on.</source>
        <translation>%1 hat ab Zeile %2 keine Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n empty row(s), the first at row %1.</source>
        <translation>
            <numerusform>%n leere Zeile übersprungen, die erste in Zeile %1.</numerusform>
            <numerusform>%n leere Zeilen übersprungen, die erste in Zeile %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, row %2, column %3: the cell is longer than %4 characters; the quote that opens it (line %5) is probably never closed.</source>
        <translation>%1, Zeile %2, Spalte %3: Die Zelle ist länger als %4 Zeichen; das Anführungszeichen, das sie öffnet (Textzeile %5), wird wahrscheinlich nie geschlossen.</translation>
    </message>
    <message>
        <source>%1, row %2, column %3: the cell is longer than %4 characters; this is not a table Salvo can read.</source>
        <translation>%1, Zeile %2, Spalte %3: Die Zelle ist länger als %4 Zeichen; dies ist keine Tabelle, die Salvo lesen kann.</translation>
    </message>
    <message numerus="yes">
        <source>The row has only %n cell(s); the other columns are left empty.</source>
        <translation>
            <numerusform>Die Zeile hat nur %n Zelle; die übrigen Spalten bleiben leer.</numerusform>
            <numerusform>Die Zeile hat nur %n Zellen; die übrigen Spalten bleiben leer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The row has %n cell(s), more than there are columns; the text from column %1 on was dropped: &quot;%2&quot;.</source>
        <translation>
            <numerusform>Die Zeile hat %n Zelle, mehr als es Spalten gibt; der Text ab Spalte %1 wurde verworfen: „%2“.</numerusform>
            <numerusform>Die Zeile hat %n Zellen, mehr als es Spalten gibt; der Text ab Spalte %1 wurde verworfen: „%2“.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the rows could not be stored: %2</source>
        <translation>%1: Die Zeilen konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: a quote or a line break cannot separate cells.</source>
        <translation>%1: Ein Anführungszeichen oder ein Zeilenumbruch kann keine Zellen trennen.</translation>
    </message>
</context>
<context>
    <name>Salvo::DataPanel</name>
    <message>
        <source>No data yet.</source>
        <translation>Noch keine Daten.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Load options</source>
        <translation>Ladeoptionen</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel-Arbeitsmappe (XLSX)</translation>
    </message>
    <message>
        <source>JSON (an array of objects)</source>
        <translation>JSON (ein Array von Objekten)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Text, one item per line</source>
        <translation>Text, ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>Detect reads the extension and the content.</source>
        <translation>„Erkennen“ wertet die Dateiendung und den Inhalt aus.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>The workbook sheet to read.</source>
        <translation>Das Tabellenblatt der Arbeitsmappe, das gelesen wird.</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>Tabellen&amp;blatt:</translation>
    </message>
    <message>
        <source>The file has a header row with column names</source>
        <translation>Die Datei hat eine Kopfzeile mit Spaltennamen</translation>
    </message>
    <message>
        <source>The row holding the column names; rows above it are skipped.</source>
        <translation>Die Zeile mit den Spaltennamen; Zeilen darüber werden übersprungen.</translation>
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation>&amp;Kopfzeile:</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>T&amp;rennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>Ko&amp;dierung:</translation>
    </message>
    <message>
        <source>Loading… %p%</source>
        <translation>Wird geladen… %p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading this file.</source>
        <translation>Das Laden dieser Datei abbrechen.</translation>
    </message>
    <message>
        <source>&amp;Warnings (select one to see its row):</source>
        <translation>&amp;Warnungen (eine auswählen, um ihre Zeile zu sehen):</translation>
    </message>
    <message>
        <source>Rows that were odd but usable. Select one to go to it.</source>
        <translation>Zeilen, die ungewöhnlich, aber verwendbar waren. Wählen Sie eine aus, um zu ihr zu springen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %1 column(s), read as %2.</source>
        <translation>
            <numerusform>%Ln Zeile in %1 Spalte(n), gelesen als %2.</numerusform>
            <numerusform>%Ln Zeilen in %1 Spalte(n), gelesen als %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Salvo::ExportDialog</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Tab-separated values (*.tsv)</source>
        <translation>Tabulatorgetrennte Werte (*.tsv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Choose where to save the results</source>
        <translation>Wählen Sie, wo die Ergebnisse gespeichert werden</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Only items that succeeded</source>
        <translation>Nur erfolgreiche Einträge</translation>
    </message>
    <message>
        <source>Only items that failed</source>
        <translation>Nur fehlgeschlagene Einträge</translation>
    </message>
    <message>
        <source>Start the file with a byte order mark, so Excel reads it as UTF-8 (CSV and TSV)</source>
        <translation>Datei mit einer Byte-Order-Mark beginnen, damit Excel sie als UTF-8 liest (CSV und TSV)</translation>
    </message>
    <message>
        <source>Keep cells that start with = + - or @ from running as formulas in a spreadsheet</source>
        <translation>Verhindern, dass Zellen, die mit = + - oder @ beginnen, in einer Tabellenkalkulation als Formel ausgeführt werden</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>&amp;Einträge:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>Export a&amp;bbrechen</translation>
    </message>
    <message>
        <source>%1 results.xlsx</source>
        <translation>%1 Ergebnisse.xlsx</translation>
    </message>
    <message>
        <source>Choose a file to export to first.</source>
        <translation>Wählen Sie zuerst eine Datei für den Export.</translation>
    </message>
    <message>
        <source>%1 does not end in .csv, .tsv, .json, .jsonl or .xlsx, so Salvo cannot tell which format to write.</source>
        <translation>%1 endet nicht auf .csv, .tsv, .json, .jsonl oder .xlsx, daher kann Salvo nicht erkennen, welches Format geschrieben werden soll.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n item(s) to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n cell(s) were longer than Excel allows and were cut.</source>
        <translation>
            <numerusform>%1 %n Zelle war länger, als Excel erlaubt, und wurde gekürzt.</numerusform>
            <numerusform>%1 %n Zellen waren länger, als Excel erlaubt, und wurden gekürzt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Salvo::ExportJob</name>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Salvo::Http2Frontend</name>
    <message>
        <source>TLS is not available: Qt found no OpenSSL backend.</source>
        <translation>TLS ist nicht verfügbar: Qt hat kein OpenSSL-Backend gefunden.</translation>
    </message>
    <message>
        <source>Cannot create a self-signed certificate.</source>
        <translation>Es kann kein selbstsigniertes Zertifikat erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot load the self-signed certificate.</source>
        <translation>Das selbstsignierte Zertifikat kann nicht geladen werden.</translation>
    </message>
    <message>
        <source>Cannot write the certificate to %1: %2.</source>
        <translation>Das Zertifikat kann nicht nach %1 geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The HTTP/2 front end is already listening.</source>
        <translation>Das HTTP/2-Frontend lauscht bereits.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3.</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3.</translation>
    </message>
</context>
<context>
    <name>Salvo::ItemDetailView</name>
    <message>
        <source>No output.</source>
        <translation>Keine Ausgabe.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>System-Prompt:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Copy &amp;Prompt</source>
        <translation>&amp;Prompt kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Output</source>
        <translation>A&amp;usgabe kopieren</translation>
    </message>
    <message>
        <source>Select an item to see its prompt, output and attempts.</source>
        <translation>Wählen Sie einen Eintrag, um seinen Prompt, seine Ausgabe und seine Versuche zu sehen.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The prompt cannot be shown: %1</source>
        <translation>Der Prompt kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>System prompt:
%1

Prompt:
%2</source>
        <translation>System-Prompt:
%1

Prompt:
%2</translation>
    </message>
    <message>
        <source>The item was cancelled before it finished.</source>
        <translation>Der Eintrag wurde abgebrochen, bevor er fertig war.</translation>
    </message>
    <message>
        <source>The item was cancelled before it finished: %1</source>
        <translation>Der Eintrag wurde abgebrochen, bevor er fertig war: %1</translation>
    </message>
    <message>
        <source>The API did not answer within the time limit.</source>
        <translation>Die API hat nicht innerhalb der Zeitgrenze geantwortet.</translation>
    </message>
    <message>
        <source>Salvo could not connect to the API.</source>
        <translation>Salvo konnte keine Verbindung zur API herstellen.</translation>
    </message>
    <message>
        <source>The secure connection to the API failed.</source>
        <translation>Die sichere Verbindung zur API ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The API answered with something Salvo could not read.</source>
        <translation>Die API hat mit etwas geantwortet, das Salvo nicht lesen konnte.</translation>
    </message>
    <message>
        <source>The request was cancelled while it was in flight.</source>
        <translation>Die Anfrage wurde abgebrochen, während sie unterwegs war.</translation>
    </message>
    <message>
        <source>The API rejected the API key (HTTP %1).</source>
        <translation>Die API hat den API-Schlüssel abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The account has no credit or quota left (HTTP %1).</source>
        <translation>Das Konto hat kein Guthaben oder Kontingent mehr (HTTP %1).</translation>
    </message>
    <message>
        <source>The API&apos;s rate limit was still exceeded (HTTP %1).</source>
        <translation>Das Ratenlimit der API war weiterhin überschritten (HTTP %1).</translation>
    </message>
    <message>
        <source>The API had a server error (HTTP %1).</source>
        <translation>Die API hatte einen Serverfehler (HTTP %1).</translation>
    </message>
    <message>
        <source>The API refused the request (HTTP %1).</source>
        <translation>Die API hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The item failed.</source>
        <translation>Der Eintrag ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Salvo tried %n time(s).</source>
        <translation>
            <numerusform>%1 Salvo hat es einmal versucht.</numerusform>
            <numerusform>%1 Salvo hat es %n-mal versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
The error was: %2</source>
        <translation>%1
Der Fehler war: %2</translation>
    </message>
</context>
<context>
    <name>Salvo::ItemStateLabel</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wird wiederholt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Salvo::JsonLoader</name>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The objects in %1 have no keys, so there are no columns to read.</source>
        <translation>Die Objekte in %1 haben keine Schlüssel, daher gibt es keine Spalten zu lesen.</translation>
    </message>
    <message>
        <source>%1: the rows could not be stored: %2</source>
        <translation>%1: Die Zeilen konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB, too large to read as one JSON document. Save it as JSON Lines (one object per line), which Salvo reads in pieces.</source>
        <translation>%1 ist größer als %2 MiB und damit zu groß, um als ein JSON-Dokument gelesen zu werden. Speichern Sie es als JSON Lines (ein Objekt pro Zeile), das Salvo stückweise liest.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: more JSON follows the first object. If the file holds one object per line, read it as JSON Lines.</source>
        <translation>%1, Zeile %2, Spalte %3: Nach dem ersten Objekt folgt weiteres JSON. Wenn die Datei ein Objekt pro Zeile enthält, lesen Sie sie als JSON Lines.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: this is not valid JSON (%4).</source>
        <translation>%1, Zeile %2, Spalte %3: Dies ist kein gültiges JSON (%4).</translation>
    </message>
    <message>
        <source>%1 holds a single JSON object. Salvo reads a list of objects ([{...}, {...}]), one row each, or JSON Lines (one object per line).</source>
        <translation>%1 enthält ein einzelnes JSON-Objekt. Salvo liest eine Liste von Objekten ([{...}, {...}]), je eines pro Zeile, oder JSON Lines (ein Objekt pro Zeile).</translation>
    </message>
    <message>
        <source>%1 holds an empty list.</source>
        <translation>%1 enthält eine leere Liste.</translation>
    </message>
    <message>
        <source>The record is a JSON %1, not an object; it is skipped.</source>
        <translation>Der Datensatz ist ein JSON-%1, kein Objekt; er wird übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds no objects: none of its %n record(s) is an object.</source>
        <translation>
            <numerusform>%1 enthält keine Objekte: Der einzige Datensatz ist kein Objekt.</numerusform>
            <numerusform>%1 enthält keine Objekte: Keiner der %n Datensätze ist ein Objekt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2: the line is longer than %3 MiB; this is not a JSON Lines file Salvo can read.</source>
        <translation>%1, Zeile %2: Die Zeile ist länger als %3 MiB; dies ist keine JSON-Lines-Datei, die Salvo lesen kann.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: the line is not valid JSON (%4).</source>
        <translation>%1, Zeile %2, Spalte %3: Die Zeile ist kein gültiges JSON (%4).</translation>
    </message>
    <message>
        <source>%1, line %2: the line holds a JSON %3, not an object.</source>
        <translation>%1, Zeile %2: Die Zeile enthält ein JSON-%3, kein Objekt.</translation>
    </message>
    <message>
        <source>The line is not valid JSON (%1); it is skipped.</source>
        <translation>Die Zeile ist kein gültiges JSON (%1); sie wird übersprungen.</translation>
    </message>
    <message>
        <source>The line holds a JSON %1, not an object; it is skipped.</source>
        <translation>Die Zeile enthält ein JSON-%1, kein Objekt; sie wird übersprungen.</translation>
    </message>
    <message>
        <source>%1 has only blank lines.</source>
        <translation>%1 enthält nur leere Zeilen.</translation>
    </message>
    <message>
        <source>%1 has no line holding a JSON object; the first bad line is line %2.</source>
        <translation>%1 hat keine Zeile mit einem JSON-Objekt; die erste fehlerhafte Zeile ist Zeile %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>es ist ein Ordner.</translation>
    </message>
    <message>
        <source>%1 is saved as UTF-16 or UTF-32; JSON files must be UTF-8.</source>
        <translation>%1 ist als UTF-16 oder UTF-32 gespeichert; JSON-Dateien müssen UTF-8 sein.</translation>
    </message>
</context>
<context>
    <name>Salvo::LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Salvo will use the new language the next time it starts.</source>
        <translation>Salvo verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
</context>
<context>
    <name>Salvo::LimitsPanel</name>
    <message>
        <source>How often an item is tried again after an error that may pass (server errors, timeouts). Waits for rate limits do not count.</source>
        <translation>Wie oft ein Eintrag nach einem vorübergehenden Fehler (Serverfehler, Zeitüberschreitungen) erneut versucht wird. Wartezeiten wegen Ratenlimits zählen nicht.</translation>
    </message>
    <message>
        <source>Max &amp;retries per item:</source>
        <translation>Max. &amp;Wiederholungen pro Eintrag:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Your own budget of requests per minute, below the provider&apos;s.</source>
        <translation>Ihr eigenes Budget an Anfragen pro Minute, unterhalb dem des Anbieters.</translation>
    </message>
    <message>
        <source>Re&amp;quests per minute:</source>
        <translation>An&amp;fragen pro Minute:</translation>
    </message>
    <message>
        <source>Your own budget of tokens (input and output) per minute.</source>
        <translation>Ihr eigenes Budget an Tokens (Eingabe und Ausgabe) pro Minute.</translation>
    </message>
    <message>
        <source>T&amp;okens per minute:</source>
        <translation>T&amp;okens pro Minute:</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Obergrenze</translation>
    </message>
    <message>
        <source>Pause before the run could cost more than this. Changes take effect at once, also during a run.</source>
        <translation>Pausieren, bevor der Lauf mehr als diesen Betrag kosten könnte. Änderungen wirken sofort, auch während eines Laufs.</translation>
    </message>
    <message>
        <source>&amp;Spend cap:</source>
        <translation>&amp;Ausgabenlimit:</translation>
    </message>
    <message>
        <source>Retries, timeout and the per-minute budgets apply when a run starts or resumes. The in-flight cap below and the spend cap change a running batch at once.</source>
        <translation>Wiederholungen, Zeitlimit und die Budgets pro Minute gelten, wenn ein Lauf startet oder fortgesetzt wird. Die Obergrenze gleichzeitiger Anfragen unten und das Ausgabenlimit ändern einen laufenden Lauf sofort.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>A request without an answer after this long is abandoned and retried. Automatic: 2 minutes, or a second for every 20 tokens of the longest answer when that is longer.</source>
        <translation>Eine Anfrage, die nach dieser Zeit keine Antwort hat, wird aufgegeben und wiederholt. Automatisch: 2 Minuten, oder eine Sekunde je 20 Token der längsten Antwort, wenn das länger ist.</translation>
    </message>
</context>
<context>
    <name>Salvo::LinesLoader</name>
    <message>
        <source>%1, line %2: the line is longer than %3 characters; this is not a text file Salvo can read.</source>
        <translation>%1, Zeile %2: Die Zeile ist länger als %3 Zeichen; dies ist keine Textdatei, die Salvo lesen kann.</translation>
    </message>
    <message>
        <source>%1 has only blank lines.</source>
        <translation>%1 enthält nur leere Zeilen.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n blank line(s), the first at line %1.</source>
        <translation>
            <numerusform>%n leere Zeile übersprungen, die erste in Zeile %1.</numerusform>
            <numerusform>%n leere Zeilen übersprungen, die erste in Zeile %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the lines could not be stored: %2</source>
        <translation>%1: Die Zeilen konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Salvo::LiveCharts</name>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>items/s</source>
        <translation>Einträge/s</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Rate limits (HTTP 429)</source>
        <translation>Ratenlimits (HTTP 429)</translation>
    </message>
    <message>
        <source>429s/s</source>
        <translation>429er/s</translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Offene Anfragen</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Charts fill in when a run starts.</source>
        <translation>Die Diagramme füllen sich, sobald ein Lauf beginnt.</translation>
    </message>
    <message>
        <source>Time since start (s)</source>
        <translation>Zeit seit Start (s)</translation>
    </message>
    <message>
        <source>Time since start (h)</source>
        <translation>Zeit seit Start (h)</translation>
    </message>
    <message>
        <source>Time since start (min)</source>
        <translation>Zeit seit Start (min)</translation>
    </message>
</context>
<context>
    <name>Salvo::LoadJob</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no rows to load.</source>
        <translation>%1 hat keine Zeilen zum Laden.</translation>
    </message>
</context>
<context>
    <name>Salvo::LoadWarningsModel</name>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… und %Ln weitere.</numerusform>
            <numerusform>… und %Ln weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Salvo::MainWindow</name>
    <message>
        <source>&lt;b&gt;Three steps:&lt;/b&gt; 1. &lt;b&gt;Data&lt;/b&gt;: open a spreadsheet (Ctrl+O, or drop a file here); each row becomes one request. 2. &lt;b&gt;Prompt&lt;/b&gt;: write what to ask, with {{column}} where a cell goes. 3. Press &lt;b&gt;Start&lt;/b&gt;. The simulator needs no API key, so you can try it right now on the sample tickets.</source>
        <translation>&lt;b&gt;Drei Schritte:&lt;/b&gt; 1. &lt;b&gt;Daten&lt;/b&gt;: Öffnen Sie eine Tabelle (Strg+O, oder ziehen Sie eine Datei hierher); jede Zeile wird zu einer Anfrage. 2. &lt;b&gt;Prompt&lt;/b&gt;: Schreiben Sie, was gefragt werden soll, mit {{column}} an der Stelle einer Zelle. 3. Klicken Sie auf &lt;b&gt;Starten&lt;/b&gt;. Der Simulator braucht keinen API-Schlüssel, Sie können es also gleich mit den Beispiel-Tickets ausprobieren.</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <source>Pro&amp;vider</source>
        <translation>An&amp;bieter</translation>
    </message>
    <message>
        <source>&amp;Limits</source>
        <translation>Li&amp;mits</translation>
    </message>
    <message>
        <source>The input rows. Select one to see its prompt on the Prompt tab.</source>
        <translation>Die Eingabezeilen. Wählen Sie eine aus, um ihren Prompt im Reiter „Prompt“ zu sehen.</translation>
    </message>
    <message>
        <source>Input &amp;rows</source>
        <translation>Eingabe&amp;zeilen</translation>
    </message>
    <message>
        <source>Res&amp;ults</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>The run could not start: %1</source>
        <translation>Der Lauf konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>&amp;Open Data…</source>
        <translation>Daten &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open a spreadsheet or data file: CSV, TSV, XLSX, JSON, JSON Lines or text (Ctrl+O).</source>
        <translation>Eine Tabelle oder Datendatei öffnen: CSV, TSV, XLSX, JSON, JSON Lines oder Text (Strg+O).</translation>
    </message>
    <message>
        <source>Open &amp;Run…</source>
        <translation>&amp;Lauf öffnen…</translation>
    </message>
    <message>
        <source>Open a saved run (.salvo) to see it or resume it.</source>
        <translation>Einen gespeicherten Lauf (.salvo) öffnen, um ihn anzusehen oder fortzusetzen.</translation>
    </message>
    <message>
        <source>Re&amp;load Data</source>
        <translation>Daten &amp;neu laden</translation>
    </message>
    <message>
        <source>Load the data file again with the load options shown, into a new run.</source>
        <translation>Die Datendatei mit den angezeigten Ladeoptionen erneut in einen neuen Lauf laden.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Send every row that has no answer yet (Ctrl+R).</source>
        <translation>Jede Zeile senden, die noch keine Antwort hat (Strg+R).</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Send no new requests; those already sent finish and are saved (Ctrl+Shift+P).</source>
        <translation>Keine neuen Anfragen senden; bereits gesendete werden beendet und gespeichert (Strg+Umschalt+P).</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Go on sending (Ctrl+Shift+R).</source>
        <translation>Weiter senden (Strg+Umschalt+R).</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the run: nothing new is sent, requests in flight finish (they are paid for). Press again to abandon them.</source>
        <translation>Den Lauf beenden: Nichts Neues wird gesendet, laufende Anfragen werden beendet (sie werden bezahlt). Erneut klicken, um sie aufzugeben.</translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>Send the items that failed once more.</source>
        <translation>Die fehlgeschlagenen Einträge noch einmal senden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open R&amp;ecent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Salvo</source>
        <translation>&amp;Über Salvo</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>The sample data could not be copied to %1.</source>
        <translation>Die Beispieldaten konnten nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Pause and cancel the run before opening other data.</source>
        <translation>Halten Sie den Lauf an und brechen Sie ihn ab, bevor Sie andere Daten öffnen.</translation>
    </message>
    <message>
        <source>Open Data</source>
        <translation>Daten öffnen</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.tab *.txt *.xlsx *.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>Datendateien (*.csv *.tsv *.tab *.txt *.xlsx *.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pause and cancel the run before opening another.</source>
        <translation>Halten Sie den Lauf an und brechen Sie ihn ab, bevor Sie einen anderen öffnen.</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>Salvo runs (*.salvo);;All files (*)</source>
        <translation>Salvo-Läufe (*.salvo);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Salvo cannot create its folder for runs, %1.</source>
        <translation>Salvo kann seinen Ordner für Läufe nicht anlegen: %1.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Run file: %1</source>
        <translation>Laufdatei: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Run %1 (data from %2)</source>
        <translation>Lauf %1 (Daten aus %2)</translation>
    </message>
    <message>
        <source>an unknown file</source>
        <translation>einer unbekannten Datei</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 not sent yet.</source>
        <translation>%1 erledigt, %2 fehlgeschlagen, %3 noch nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 ist nicht mehr vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>Every item has been sent; %n failed and can be retried.</source>
        <translation>
            <numerusform>Jeder Eintrag wurde gesendet; %n ist fehlgeschlagen und kann wiederholt werden.</numerusform>
            <numerusform>Jeder Eintrag wurde gesendet; %n sind fehlgeschlagen und können wiederholt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every item is done. To run another prompt over this data, reload it (F5).</source>
        <translation>Jeder Eintrag ist erledigt. Um einen anderen Prompt über diese Daten laufen zu lassen, laden Sie sie neu (F5).</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) to send: about %1 input tokens and at most %2 output tokens.</source>
        <translation>
            <numerusform>%n Eintrag zu senden: etwa %1 Eingabe-Tokens und höchstens %2 Ausgabe-Tokens.</numerusform>
            <numerusform>%n Einträge zu senden: etwa %1 Eingabe-Tokens und höchstens %2 Ausgabe-Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no known price, so the cost cannot be estimated.</source>
        <translation>Für %1 ist kein Preis bekannt, daher lassen sich die Kosten nicht schätzen.</translation>
    </message>
    <message>
        <source>There is no API key for %1 yet. Paste it on the Provider tab and press Save, or choose the simulator.</source>
        <translation>Für %1 gibt es noch keinen API-Schlüssel. Fügen Sie ihn im Reiter „Anbieter“ ein und klicken Sie auf Speichern, oder wählen Sie den Simulator.</translation>
    </message>
    <message>
        <source>Running.</source>
        <translation>Läuft.</translation>
    </message>
    <message>
        <source>Abandon Requests?</source>
        <translation>Anfragen aufgeben?</translation>
    </message>
    <message>
        <source>Stop waiting for the requests in flight? They may be charged even though their answers are lost.</source>
        <translation>Nicht mehr auf die laufenden Anfragen warten? Sie werden möglicherweise berechnet, obwohl ihre Antworten verloren gehen.</translation>
    </message>
    <message>
        <source>The run file cannot be written.</source>
        <translation>Die Laufdatei kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Paused. Requests already sent finish and are saved; press Resume to go on.</source>
        <translation>Pausiert. Bereits gesendete Anfragen werden beendet und gespeichert; klicken Sie auf Fortsetzen, um weiterzumachen.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Paused: see the message in the Run panel.</source>
        <translation>Pausiert: siehe die Meldung im Lauf-Bereich.</translation>
    </message>
    <message>
        <source>Cancelled: %1 done, %2 failed, %3 not sent. Start sends the rest.</source>
        <translation>Abgebrochen: %1 erledigt, %2 fehlgeschlagen, %3 nicht gesendet. Starten sendet den Rest.</translation>
    </message>
    <message>
        <source>Finished: %1 done, %2 failed. Retry Failed sends the failed ones again.</source>
        <translation>Fertig: %1 erledigt, %2 fehlgeschlagen. „Fehlgeschlagene wiederholen“ sendet die fehlgeschlagenen erneut.</translation>
    </message>
    <message>
        <source>Finished: all %1 items done.</source>
        <translation>Fertig: alle %1 Einträge erledigt.</translation>
    </message>
    <message>
        <source>&amp;Resume Run</source>
        <translation>Lauf &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Salvo</source>
        <translation>Salvo</translation>
    </message>
    <message>
        <source>%1 — Salvo</source>
        <translation>%1 — Salvo</translation>
    </message>
    <message>
        <source>%1% — %2</source>
        <translation>%1 % — %2</translation>
    </message>
    <message>
        <source>About Salvo</source>
        <translation>Über Salvo</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Salvo %1&lt;/h3&gt;&lt;p&gt;Runs one LLM prompt over every row of a spreadsheet, with many requests in flight at once under a cap you can change while it runs.&lt;/p&gt;&lt;p&gt;Runs are saved as they go, so nothing answered is ever paid for twice.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Salvo %1&lt;/h3&gt;&lt;p&gt;Führt einen LLM-Prompt über jede Zeile einer Tabelle aus, mit vielen gleichzeitigen Anfragen unter einer Obergrenze, die Sie während des Laufs ändern können.&lt;/p&gt;&lt;p&gt;Läufe werden fortlaufend gespeichert, daher wird nichts, was schon beantwortet wurde, zweimal bezahlt.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A Run Is Going</source>
        <translation>Ein Lauf ist aktiv</translation>
    </message>
    <message>
        <source>Pause the run and quit? Requests already sent finish and are saved first; open the run later (File → Open Recent) to resume it.</source>
        <translation>Den Lauf pausieren und beenden? Bereits gesendete Anfragen werden zuvor beendet und gespeichert; öffnen Sie den Lauf später (Datei → Zuletzt geöffnet), um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Pause and Quit</source>
        <translation>Pausieren und beenden</translation>
    </message>
    <message>
        <source>Pausing: waiting for the requests in flight, then Salvo quits.</source>
        <translation>Wird pausiert: Warten auf die laufenden Anfragen, dann wird Salvo beendet.</translation>
    </message>
    <message>
        <source>At %1 prices that would be about %2 plus at most %3 (the simulator charges nothing).</source>
        <translation>Zu Preisen von %1 wären das etwa %2 plus höchstens %3 (der Simulator berechnet nichts).</translation>
    </message>
    <message>
        <source>At %1 prices: about %2 for the input plus at most %3 for the output.</source>
        <translation>Zu Preisen von %1: etwa %2 für die Eingabe plus höchstens %3 für die Ausgabe.</translation>
    </message>
</context>
<context>
    <name>Salvo::NumberFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Salvo::PriceTable</name>
    <message>
        <source>Cannot read the price file %1: %2</source>
        <translation>Die Preisdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The price file %1 is not a JSON object (%2 at byte %3).</source>
        <translation>Die Preisdatei %1 ist kein JSON-Objekt (%2 bei Byte %3).</translation>
    </message>
    <message>
        <source>The price file %1: &quot;%2&quot; needs &quot;input&quot; and &quot;output&quot; prices in USD per million tokens.</source>
        <translation>Die Preisdatei %1: „%2“ braucht &quot;input&quot;- und &quot;output&quot;-Preise in USD pro Million Tokens.</translation>
    </message>
</context>
<context>
    <name>Salvo::ProgressPrinter</name>
    <message>
        <source>[%1] %2/%3  ok %4  failed %5  %6/s  429s %7/s  in flight %8/%9  ETA %10</source>
        <translation>[%1] %2/%3  ok %4  fehlgeschlagen %5  %6/s  429er %7/s  unterwegs %8/%9  Rest %10</translation>
    </message>
    <message>
        <source>%1 items: %2 ok, %3 failed, %4 cancelled in %5 s (%6 items/s); %7 requests, %8 rate-limited, %9 retries; tokens %10 in / %11 out; cost $%12.</source>
        <translation>%1 Einträge: %2 ok, %3 fehlgeschlagen, %4 abgebrochen in %5 s (%6 Einträge/s); %7 Anfragen, %8 gedrosselt, %9 Wiederholungen; Tokens %10 ein / %11 aus; Kosten $%12.</translation>
    </message>
</context>
<context>
    <name>Salvo::PromptPanel</name>
    <message>
        <source>C&amp;olumns (double-click or Enter inserts {{name}}):</source>
        <translation>Spa&amp;lten (Doppelklick oder Eingabetaste fügt {{name}} ein):</translation>
    </message>
    <message>
        <source>Insert a column&apos;s placeholder at the cursor of the last prompt you edited.</source>
        <translation>Den Platzhalter einer Spalte an der Cursorposition des zuletzt bearbeiteten Prompts einfügen.</translation>
    </message>
    <message>
        <source>Prompt &amp;template:</source>
        <translation>Prompt-&amp;Vorlage:</translation>
    </message>
    <message>
        <source>What to ask for each row, e.g. Summarise: {{body}}</source>
        <translation>Was für jede Zeile gefragt werden soll, z. B. Fasse zusammen: {{body}}</translation>
    </message>
    <message>
        <source>The prompt sent for each row. {{column}} is replaced by the row&apos;s cell, {{_row}} by its number.</source>
        <translation>Der Prompt, der für jede Zeile gesendet wird. {{column}} wird durch die Zelle der Zeile ersetzt, {{_row}} durch ihre Nummer.</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt (optional):</source>
        <translation>S&amp;ystem-Prompt (optional):</translation>
    </message>
    <message>
        <source>Instructions sent with every request, e.g. Answer with one word.</source>
        <translation>Anweisungen, die mit jeder Anfrage gesendet werden, z. B. Antworte mit einem Wort.</translation>
    </message>
    <message>
        <source>Prompt p&amp;review:</source>
        <translation>Prompt-Vorsc&amp;hau:</translation>
    </message>
    <message>
        <source>The prompt as it is sent for the row selected under Input rows.</source>
        <translation>Der Prompt, wie er für die unter „Eingabezeilen“ gewählte Zeile gesendet wird.</translation>
    </message>
    <message>
        <source>This run has answers, so its prompt is fixed. Reload the data to run a different prompt.</source>
        <translation>Dieser Lauf hat Antworten, daher steht sein Prompt fest. Laden Sie die Daten neu, um einen anderen Prompt laufen zu lassen.</translation>
    </message>
    <message>
        <source>Write the prompt. Use {{column}} to put a cell in it; the columns are: %1.</source>
        <translation>Schreiben Sie den Prompt. Mit {{column}} setzen Sie eine Zelle ein; die Spalten sind: %1.</translation>
    </message>
    <message>
        <source>System prompt: %1</source>
        <translation>System-Prompt: %1</translation>
    </message>
    <message>
        <source>Prompt p&amp;review for row %1:</source>
        <translation>Prompt-Vorsc&amp;hau für Zeile %1:</translation>
    </message>
</context>
<context>
    <name>Salvo::PromptTemplate</name>
    <message>
        <source>A placeholder opened at character %1 is never closed with }}.</source>
        <translation>Ein Platzhalter, der bei Zeichen %1 beginnt, wird nie mit }} geschlossen.</translation>
    </message>
    <message>
        <source>the input has no columns</source>
        <translation>die Eingabe hat keine Spalten</translation>
    </message>
    <message>
        <source>the columns are: %1</source>
        <translation>die Spalten sind: %1</translation>
    </message>
    <message>
        <source>Unknown column {{%1}}; %2.</source>
        <translation>Unbekannte Spalte {{%1}}; %2.</translation>
    </message>
    <message>
        <source>Unknown column {{%1}}. Did you mean {{%2}}? (%3.)</source>
        <translation>Unbekannte Spalte {{%1}}. Meinten Sie {{%2}}? (%3.)</translation>
    </message>
</context>
<context>
    <name>Salvo::ProviderPanel</name>
    <message>
        <source>Simulator (no API key needed)</source>
        <translation>Simulator (kein API-Schlüssel nötig)</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible server (Ollama, vLLM, LiteLLM, …)</source>
        <translation>OpenAI-kompatibler Server (Ollama, vLLM, LiteLLM, …)</translation>
    </message>
    <message>
        <source>Who answers the prompts. The simulator is a local server that behaves like the real APIs, for trying things out.</source>
        <translation>Wer die Prompts beantwortet. Der Simulator ist ein lokaler Server, der sich wie die echten APIs verhält, zum Ausprobieren.</translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Realistic: answers in 2–8 s</source>
        <translation>Realistisch: Antworten in 2–8 s</translation>
    </message>
    <message>
        <source>Fast: answers in tens of milliseconds</source>
        <translation>Schnell: Antworten in wenigen Dutzend Millisekunden</translation>
    </message>
    <message>
        <source>Rate-limited: 600 requests per minute</source>
        <translation>Ratenbegrenzt: 600 Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Flaky: some errors, which Salvo retries</source>
        <translation>Unzuverlässig: einige Fehler, die Salvo wiederholt</translation>
    </message>
    <message>
        <source>How the simulator behaves.</source>
        <translation>Wie sich der Simulator verhält.</translation>
    </message>
    <message>
        <source>Simulator &amp;behaviour:</source>
        <translation>Simulator-&amp;Verhalten:</translation>
    </message>
    <message>
        <source>The server&apos;s base URL; Salvo appends /chat/completions.</source>
        <translation>Die Basis-URL des Servers; Salvo hängt /chat/completions an.</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>The model name as the provider spells it; the list holds the models with known prices.</source>
        <translation>Der Modellname, wie der Anbieter ihn schreibt; die Liste enthält die Modelle mit bekannten Preisen.</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>The longest answer allowed, in tokens (about ¾ of a word each). Also the worst case of the cost estimate.</source>
        <translation>Die längste erlaubte Antwort in Tokens (je etwa ¾ Wort). Auch der ungünstigste Fall der Kostenschätzung.</translation>
    </message>
    <message>
        <source>Max &amp;tokens per answer:</source>
        <translation>Max. &amp;Tokens pro Antwort:</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Festlegen</translation>
    </message>
    <message>
        <source>Unset: the provider&apos;s default.</source>
        <translation>Nicht festgelegt: die Voreinstellung des Anbieters.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Lower is more predictable, higher more varied.</source>
        <translation>Niedriger ist vorhersehbarer, höher abwechslungsreicher.</translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation>T&amp;emperatur:</translation>
    </message>
    <message>
        <source>Paste a new key here</source>
        <translation>Neuen Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>Kept in your system keychain, never in Salvo&apos;s files.</source>
        <translation>Im Schlüsselbund Ihres Systems aufbewahrt, nie in Salvos Dateien.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the key in your system keychain.</source>
        <translation>Den Schlüssel im Schlüsselbund Ihres Systems speichern.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Remove this provider&apos;s key from your keychain.</source>
        <translation>Den Schlüssel dieses Anbieters aus Ihrem Schlüsselbund entfernen.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>Verbi&amp;ndung testen</translation>
    </message>
    <message>
        <source>Send one short request with these settings and say what came back.</source>
        <translation>Eine kurze Anfrage mit diesen Einstellungen senden und zeigen, was zurückkam.</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Looking for a saved key…</source>
        <translation>Gespeicherter Schlüssel wird gesucht…</translation>
    </message>
    <message>
        <source>Using the key saved in your keychain.</source>
        <translation>Der in Ihrem Schlüsselbund gespeicherte Schlüssel wird verwendet.</translation>
    </message>
    <message>
        <source>Using the key in %1.</source>
        <translation>Der Schlüssel aus %1 wird verwendet.</translation>
    </message>
    <message>
        <source>No key: fine for local servers that need none.</source>
        <translation>Kein Schlüssel: in Ordnung für lokale Server, die keinen brauchen.</translation>
    </message>
    <message>
        <source>No key yet: paste it above and press Save, or set %1.</source>
        <translation>Noch kein Schlüssel: Fügen Sie ihn oben ein und klicken Sie auf Speichern, oder setzen Sie %1.</translation>
    </message>
    <message>
        <source>Saved in your keychain.</source>
        <translation>In Ihrem Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>%1 Salvo will use the key you entered until it quits.</source>
        <translation>%1 Salvo verwendet den eingegebenen Schlüssel, bis es beendet wird.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Sending one short request…</source>
        <translation>Eine kurze Anfrage wird gesendet…</translation>
    </message>
    <message>
        <source>None: only the authorities your system trusts</source>
        <translation>Keins: nur die Stellen, denen Ihr System vertraut</translation>
    </message>
    <message>
        <source>A certificate authority to trust as well, in a PEM or DER file: your company proxy&apos;s, or a private server&apos;s.</source>
        <translation>Eine weitere vertrauenswürdige Zertifizierungsstelle, als PEM- oder DER-Datei: die Ihres Firmen-Proxys oder eines privaten Servers.</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the certificate file.</source>
        <translation>Die Zertifikatsdatei wählen.</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>C&amp;A-Zertifikat:</translation>
    </message>
    <message>
        <source>Trust a Certificate Authority</source>
        <translation>Einer Zertifizierungsstelle vertrauen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Salvo::RecentFilesMenu</name>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>Salvo::ResultExporter</name>
    <message>
        <source>The export to %1 was cancelled.</source>
        <translation>Der Export nach %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the results in %1 from item %2 on.</source>
        <translation>Die Ergebnisse in %1 können ab Eintrag %2 nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the run has %2 columns and an Excel sheet holds at most %3 with the results.</source>
        <translation>%1 kann nicht geschrieben werden: Der Lauf hat %2 Spalten, und ein Excel-Blatt fasst mit den Ergebnissen höchstens %3.</translation>
    </message>
    <message>
        <source>Cannot write %1: an Excel sheet holds at most %2 rows below its header, and the export has %3. Export to CSV instead.</source>
        <translation>%1 kann nicht geschrieben werden: Ein Excel-Blatt fasst unter seiner Kopfzeile höchstens %2 Zeilen, und der Export hat %3. Exportieren Sie stattdessen als CSV.</translation>
    </message>
    <message>
        <source>the folder does not exist.</source>
        <translation>der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: an Excel sheet holds at most %2 rows below its header. Export to CSV instead.</source>
        <translation>%1 kann nicht geschrieben werden: Ein Excel-Blatt fasst unter seiner Kopfzeile höchstens %2 Zeilen. Exportieren Sie stattdessen als CSV.</translation>
    </message>
    <message>
        <source>Cannot write %1: unknown export format.</source>
        <translation>%1 kann nicht geschrieben werden: unbekanntes Exportformat.</translation>
    </message>
</context>
<context>
    <name>Salvo::ResultsModel</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
</context>
<context>
    <name>Salvo::ResultsView</name>
    <message>
        <source>All items</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Show only items with this status</source>
        <translation>Nur Einträge mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>Search outputs and inputs</source>
        <translation>Ausgaben und Eingaben durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the results as CSV, TSV, JSON, JSON Lines or Excel</source>
        <translation>Die Ergebnisse als CSV, TSV, JSON, JSON Lines oder Excel speichern</translation>
    </message>
    <message>
        <source>No run open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s): %L1 ok, %L2 failed, %L3 pending, %L4 cancelled.</source>
        <translation>
            <numerusform>%n Eintrag: %L1 ok, %L2 fehlgeschlagen, %L3 ausstehend, %L4 abgebrochen.</numerusform>
            <numerusform>%n Einträge: %L1 ok, %L2 fehlgeschlagen, %L3 ausstehend, %L4 abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Showing %L2.</source>
        <translation>%1 %L2 angezeigt.</translation>
    </message>
</context>
<context>
    <name>Salvo::RunCommand</name>
    <message>
        <source>Set ANTHROPIC_API_KEY to your Anthropic API key.</source>
        <translation>Setzen Sie ANTHROPIC_API_KEY auf Ihren Anthropic-API-Schlüssel.</translation>
    </message>
    <message>
        <source>Set OPENAI_API_KEY to your OpenAI API key.</source>
        <translation>Setzen Sie OPENAI_API_KEY auf Ihren OpenAI-API-Schlüssel.</translation>
    </message>
    <message>
        <source>Where to write the results: .jsonl, .json, .csv, .tsv or .xlsx.</source>
        <translation>Wohin die Ergebnisse geschrieben werden: .jsonl, .json, .csv, .tsv oder .xlsx.</translation>
    </message>
    <message>
        <source>Which items to write: all, ok or failed (default all).</source>
        <translation>Welche Einträge geschrieben werden: all, ok oder failed (Standard: all).</translation>
    </message>
    <message>
        <source>CSV/TSV: start with a UTF-8 byte order mark, so Excel reads non-ASCII text correctly.</source>
        <translation>CSV/TSV: mit einer UTF-8-Byte-Order-Mark beginnen, damit Excel Nicht-ASCII-Text richtig liest.</translation>
    </message>
    <message>
        <source>CSV/TSV: write text starting with = + - @ as it is, instead of prefixing an apostrophe that keeps a spreadsheet from running it as a formula.</source>
        <translation>CSV/TSV: Text, der mit = + - @ beginnt, unverändert schreiben, statt ihm einen Apostroph voranzustellen, der verhindert, dass eine Tabellenkalkulation ihn als Formel ausführt.</translation>
    </message>
    <message>
        <source>With --provider sim and no --base-url: the in-process simulator&apos;s preset (fast, realistic, rate-limited, flaky; default realistic).</source>
        <translation>Mit --provider sim und ohne --base-url: die Voreinstellung des eingebauten Simulators (fast, realistic, rate-limited, flaky; Standard: realistic).</translation>
    </message>
    <message>
        <source>JSON price file overriding the built-in prices: {&quot;model&quot;: {&quot;input&quot;: USD, &quot;output&quot;: USD}} per million tokens.</source>
        <translation>JSON-Preisdatei, die die eingebauten Preise ersetzt: {&quot;model&quot;: {&quot;input&quot;: USD, &quot;output&quot;: USD}} pro Million Tokens.</translation>
    </message>
    <message>
        <source>--out FILE is required.</source>
        <translation>--out FILE ist erforderlich.</translation>
    </message>
    <message>
        <source>--out must end in .jsonl, .json, .csv, .tsv or .xlsx.</source>
        <translation>--out muss auf .jsonl, .json, .csv, .tsv oder .xlsx enden.</translation>
    </message>
    <message>
        <source>--only must be all, ok or failed.</source>
        <translation>--only muss all, ok oder failed sein.</translation>
    </message>
    <message>
        <source>Unknown --format &quot;%1&quot;; choose auto, csv, tsv, xlsx, json, jsonl or lines.</source>
        <translation>Unbekanntes --format „%1“; wählen Sie auto, csv, tsv, xlsx, json, jsonl oder lines.</translation>
    </message>
    <message>
        <source>--header-row must be a whole number of at least 1.</source>
        <translation>--header-row muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>--delimiter must be one character, or &quot;tab&quot;.</source>
        <translation>--delimiter muss ein einzelnes Zeichen oder „tab“ sein.</translation>
    </message>
    <message numerus="yes">
        <source>The input has %n column(s), so --template must say how to build the prompt from them: %1.</source>
        <translation>
            <numerusform>Die Eingabe hat %n Spalte, daher muss --template angeben, wie der Prompt daraus gebildet wird: %1.</numerusform>
            <numerusform>Die Eingabe hat %n Spalten, daher muss --template angeben, wie der Prompt daraus gebildet wird: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>--template</source>
        <translation>--template</translation>
    </message>
    <message>
        <source>--system</source>
        <translation>--system</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>warning: … and %n more.</source>
        <translation>
            <numerusform>Warnung: … und %n weitere.</numerusform>
            <numerusform>Warnung: … und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends one prompt per input row to an LLM API, many at once, and writes the results in input order. The run is saved as it goes to a run file, so an interrupted run can be resumed with `salvo-cli resume` without paying twice for any item.

INPUT is a spreadsheet or data file: CSV, TSV, XLSX, JSON (an array of objects), JSON Lines, or plain text with one item per line (column &quot;text&quot;). Each row is one item; --template builds its prompt from the columns. The API key comes from ANTHROPIC_API_KEY or OPENAI_API_KEY.</source>
        <translation>Sendet einen Prompt pro Eingabezeile an eine LLM-API, viele gleichzeitig, und schreibt die Ergebnisse in der Reihenfolge der Eingabe. Der Lauf wird fortlaufend in einer Laufdatei gespeichert, sodass ein unterbrochener Lauf mit `salvo-cli resume` fortgesetzt werden kann, ohne einen Eintrag doppelt zu bezahlen.

INPUT ist eine Tabelle oder Datendatei: CSV, TSV, XLSX, JSON (ein Array von Objekten), JSON Lines oder reiner Text mit einem Eintrag pro Zeile (Spalte &quot;text&quot;). Jede Zeile ist ein Eintrag; --template bildet seinen Prompt aus den Spalten. Der API-Schlüssel kommt aus ANTHROPIC_API_KEY oder OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>The input file.</source>
        <translation>Die Eingabedatei.</translation>
    </message>
    <message>
        <source>Prompt template with {{column}} placeholders and {{_row}}; default: the value of a one-column input.</source>
        <translation>Prompt-Vorlage mit Platzhaltern {{column}} und {{_row}}; Standard: der Wert einer einspaltigen Eingabe.</translation>
    </message>
    <message>
        <source>System prompt (a template too).</source>
        <translation>System-Prompt (ebenfalls eine Vorlage).</translation>
    </message>
    <message>
        <source>anthropic, openai, openai-compatible or sim (default sim).</source>
        <translation>anthropic, openai, openai-compatible oder sim (Standard: sim).</translation>
    </message>
    <message>
        <source>API base URL: https://api.anthropic.com, https://api.openai.com/v1, http://localhost:11434/v1, or a running salvo-sim.</source>
        <translation>Basis-URL der API: https://api.anthropic.com, https://api.openai.com/v1, http://localhost:11434/v1 oder ein laufender salvo-sim.</translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation>Modellname.</translation>
    </message>
    <message>
        <source>Largest answer, in tokens (default 1024).</source>
        <translation>Längste Antwort in Tokens (Standard: 1024).</translation>
    </message>
    <message>
        <source>Sampling temperature.</source>
        <translation>Sampling-Temperatur.</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 20).</source>
        <translation>Gleichzeitig offene Anfragen (Standard: 20).</translation>
    </message>
    <message>
        <source>Retries per item after errors, besides rate-limit waits (default 8).</source>
        <translation>Wiederholungen pro Eintrag nach Fehlern, zusätzlich zu Wartezeiten wegen Ratenlimits (Standard: 8).</translation>
    </message>
    <message>
        <source>Your own budget of requests per minute.</source>
        <translation>Ihr eigenes Budget an Anfragen pro Minute.</translation>
    </message>
    <message>
        <source>Your own budget of tokens per minute.</source>
        <translation>Ihr eigenes Budget an Tokens pro Minute.</translation>
    </message>
    <message>
        <source>Pause before the cost could pass this many dollars.</source>
        <translation>Pausieren, bevor die Kosten diesen Dollarbetrag übersteigen könnten.</translation>
    </message>
    <message>
        <source>auto (HTTP/2 when TLS offers it, and h2c to the simulator), http1, or h2c (HTTP/2 without TLS).</source>
        <translation>auto (HTTP/2, wenn TLS es anbietet, und h2c zum Simulator), http1 oder h2c (HTTP/2 ohne TLS).</translation>
    </message>
    <message>
        <source>Requests per HTTP/2 connection (default 100).</source>
        <translation>Anfragen pro HTTP/2-Verbindung (Standard: 100).</translation>
    </message>
    <message>
        <source>The run file to create (default: the --out path with .salvo).</source>
        <translation>Die anzulegende Laufdatei (Standard: der --out-Pfad mit .salvo).</translation>
    </message>
    <message>
        <source>The input&apos;s format: auto, csv, tsv, xlsx, json, jsonl or lines (default auto: from the extension and the content).</source>
        <translation>Das Format der Eingabe: auto, csv, tsv, xlsx, json, jsonl oder lines (Standard: auto, aus Dateiendung und Inhalt).</translation>
    </message>
    <message>
        <source>XLSX: the sheet to read, by name or 1-based position (default the first).</source>
        <translation>XLSX: das zu lesende Tabellenblatt, nach Name oder Position ab 1 (Standard: das erste).</translation>
    </message>
    <message>
        <source>CSV, TSV, XLSX: the row holding the column names (default 1); rows above it are skipped.</source>
        <translation>CSV, TSV, XLSX: die Zeile mit den Spaltennamen (Standard: 1); Zeilen darüber werden übersprungen.</translation>
    </message>
    <message>
        <source>CSV, TSV, XLSX: there is no header row; the columns are called column_1, column_2, ...</source>
        <translation>CSV, TSV, XLSX: Es gibt keine Kopfzeile; die Spalten heißen column_1, column_2, ...</translation>
    </message>
    <message>
        <source>CSV: the field delimiter, one character or &quot;tab&quot; (default: detected among , ; tab |).</source>
        <translation>CSV: das Feldtrennzeichen, ein Zeichen oder &quot;tab&quot; (Standard: erkannt unter , ; Tab |).</translation>
    </message>
    <message>
        <source>Text files: UTF-8, UTF-16LE, UTF-16BE or Windows-1252 (default: detected).</source>
        <translation>Textdateien: UTF-8, UTF-16LE, UTF-16BE oder Windows-1252 (Standard: erkannt).</translation>
    </message>
    <message>
        <source>JSON Lines: stop at a line that is not a JSON object, instead of skipping it with a warning.</source>
        <translation>JSON Lines: bei einer Zeile, die kein JSON-Objekt ist, anhalten, statt sie mit einer Warnung zu überspringen.</translation>
    </message>
    <message>
        <source>Give exactly one INPUT file.</source>
        <translation>Geben Sie genau eine Eingabedatei (INPUT) an.</translation>
    </message>
    <message>
        <source>Unknown --provider &quot;%1&quot;.</source>
        <translation>Unbekannter --provider „%1“.</translation>
    </message>
    <message>
        <source>Unknown --http &quot;%1&quot;.</source>
        <translation>Unbekanntes --http „%1“.</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <source>--%1 must be a number of at least %2.</source>
        <translation>--%1 muss eine Zahl von mindestens %2 sein.</translation>
    </message>
    <message>
        <source>The run file %1 exists already. Resume it with `salvo-cli resume %1 --out FILE`, or choose another with --run-file.</source>
        <translation>Die Laufdatei %1 existiert bereits. Setzen Sie sie mit `salvo-cli resume %1 --out FILE` fort, oder wählen Sie mit --run-file eine andere.</translation>
    </message>
    <message>
        <source>Cannot open %1: no such file.</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>The .salvo run file.</source>
        <translation>Die .salvo-Laufdatei.</translation>
    </message>
    <message>
        <source>Send to this base URL instead of the saved one.</source>
        <translation>An diese Basis-URL statt an die gespeicherte senden.</translation>
    </message>
    <message>
        <source>Requests in flight at once (default: as saved).</source>
        <translation>Gleichzeitig offene Anfragen (Standard: wie gespeichert).</translation>
    </message>
    <message>
        <source>Give exactly one RUNFILE.</source>
        <translation>Geben Sie genau eine Laufdatei (RUNFILE) an.</translation>
    </message>
    <message>
        <source>Unknown --sim-preset &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unbekanntes --sim-preset „%1“; wählen Sie eines von: %2.</translation>
    </message>
    <message>
        <source>Stopping: no new requests; waiting for those in flight (they are paid for). Press Ctrl+C again to abandon them.</source>
        <translation>Wird angehalten: keine neuen Anfragen; Warten auf die laufenden (sie werden bezahlt). Drücken Sie erneut Strg+C, um sie aufzugeben.</translation>
    </message>
    <message>
        <source>Results: %1. Run file: %2.</source>
        <translation>Ergebnisse: %1. Laufdatei: %2.</translation>
    </message>
    <message>
        <source>Resume with: salvo-cli resume %1 --out %2</source>
        <translation>Fortsetzen mit: salvo-cli resume %1 --out %2</translation>
    </message>
    <message>
        <source>Seconds before a request is abandoned and retried (default 120, or a second for every 20 of --max-tokens when longer).</source>
        <translation>Sekunden, nach denen eine Anfrage aufgegeben und wiederholt wird (Standard: 120, oder eine Sekunde je 20 von --max-tokens, wenn das länger ist).</translation>
    </message>
    <message>
        <source>Also trust this CA certificate (PEM or DER), e.g. a corporate proxy&apos;s.</source>
        <translation>Diesem CA-Zertifikat (PEM oder DER) zusätzlich vertrauen, z. B. dem eines Firmen-Proxys.</translation>
    </message>
    <message>
        <source>--temperature must be from 0 to %1 for %2.</source>
        <translation>--temperature muss für %2 zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>Cannot create the run file %1.</source>
        <translation>Die Laufdatei %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Pause before the run&apos;s cost could pass this many dollars (default: as saved; 0: no cap).</source>
        <translation>Anhalten, bevor die Kosten des Laufs so viele Dollar übersteigen könnten (Standard: wie gespeichert; 0: keine Grenze).</translation>
    </message>
    <message>
        <source>Cannot write to the run file %1.</source>
        <translation>In die Laufdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>--spend-cap needs the price of the model &quot;%1&quot;: give it in a price file with --prices FILE.</source>
        <translation>--spend-cap braucht den Preis des Modells „%1“: Geben Sie ihn in einer Preisdatei mit --prices DATEI an.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not an http:// or https:// address, such as https://api.openai.com/v1.</source>
        <translation>Die Basis-URL „%1“ ist keine http://- oder https://-Adresse wie https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>Stopping (terminated): no new requests; waiting for those in flight (they are paid for). A second SIGTERM abandons them.</source>
        <translation>Wird beendet (SIGTERM): keine neuen Anfragen; die laufenden werden abgewartet (sie sind bezahlt). Ein zweites SIGTERM gibt sie auf.</translation>
    </message>
    <message>
        <source>Resume with a higher cap: salvo-cli resume %1 --out %2 --spend-cap USD</source>
        <translation>Mit höherer Grenze fortsetzen: salvo-cli resume %1 --out %2 --spend-cap USD</translation>
    </message>
    <message>
        <source>Goes on with a run saved in RUNFILE: sends the items that are not ok yet (those a stop cut short, and the cancelled and failed ones; nothing already answered is sent again) and writes all results to --out.</source>
        <translation>Setzt einen in RUNFILE gespeicherten Lauf fort: sendet die Einträge, die noch nicht erfolgreich sind (die ein Abbruch unterbrochen hat sowie die abgebrochenen und fehlgeschlagenen; nichts bereits Beantwortetes wird erneut gesendet), und schreibt alle Ergebnisse nach --out.</translation>
    </message>
</context>
<context>
    <name>Salvo::RunConfig</name>
    <message>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>Aus %1 konnte kein Zertifikat gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Salvo::RunController</name>
    <message>
        <source>The simulator has no preset called &quot;%1&quot;.</source>
        <translation>Der Simulator hat keine Voreinstellung namens „%1“.</translation>
    </message>
    <message>
        <source>There is no API key for %1. Enter it on the Provider tab.</source>
        <translation>Für %1 gibt es keinen API-Schlüssel. Geben Sie ihn im Reiter „Anbieter“ ein.</translation>
    </message>
</context>
<context>
    <name>Salvo::RunPanel</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>&amp;In flight at most:</source>
        <translation>&amp;Gleichzeitig höchstens:</translation>
    </message>
    <message>
        <source>%v of %m done (%p%)</source>
        <translation>%v von %m erledigt (%p %)</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 remaining; %4 in flight (cap %5).</source>
        <translation>%1 erledigt, %2 fehlgeschlagen, %3 verbleibend; %4 unterwegs (Limit %5).</translation>
    </message>
    <message>
        <source>%1 items/s, about %2 left.</source>
        <translation>%1 Einträge/s, noch etwa %2.</translation>
    </message>
    <message>
        <source>Took %1.</source>
        <translation>Dauer: %1.</translation>
    </message>
    <message>
        <source>%1 input and %2 output tokens, %3 so far.</source>
        <translation>%1 Eingabe- und %2 Ausgabe-Tokens, bisher %3.</translation>
    </message>
    <message numerus="yes">
        <source>The provider limited %n request(s); Salvo waited and retried.</source>
        <translation>
            <numerusform>Der Anbieter hat %n Anfrage gedrosselt; Salvo hat gewartet und es erneut versucht.</numerusform>
            <numerusform>Der Anbieter hat %n Anfragen gedrosselt; Salvo hat gewartet und es erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The API key was rejected. Check it on the Provider tab, then press Resume.</source>
        <translation>Der API-Schlüssel wurde abgelehnt. Prüfen Sie ihn im Reiter „Anbieter“ und klicken Sie dann auf Fortsetzen.</translation>
    </message>
    <message>
        <source>The provider says the account&apos;s quota or spending limit is used up. Raise it with the provider, then press Resume.</source>
        <translation>Der Anbieter meldet, dass das Kontingent oder Ausgabenlimit des Kontos aufgebraucht ist. Erhöhen Sie es beim Anbieter und klicken Sie dann auf Fortsetzen.</translation>
    </message>
    <message>
        <source>The run reached your spend cap and paused. Raise the cap on the Limits tab, then press Resume.</source>
        <translation>Der Lauf hat Ihr Ausgabenlimit erreicht und wurde pausiert. Erhöhen Sie das Limit im Reiter „Limits“ und klicken Sie dann auf Fortsetzen.</translation>
    </message>
    <message>
        <source>Answers can no longer be saved to the run file (is the disk full?). Free some space, then press Resume.</source>
        <translation>Antworten können nicht mehr in der Laufdatei gespeichert werden (ist der Datenträger voll?). Geben Sie Speicherplatz frei und klicken Sie dann auf Fortsetzen.</translation>
    </message>
    <message>
        <source>%1
Details: %2</source>
        <translation>%1
Details: %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent. Trust its certificate authority on the Provider tab, then press Resume.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut, daher wurde nichts gesendet. Vertrauen Sie seiner Zertifizierungsstelle im Reiter „Anbieter“ und drücken Sie dann „Fortsetzen“.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check its address on the Provider tab and the network, then press Resume.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie seine Adresse im Reiter „Anbieter“ und das Netzwerk und drücken Sie dann „Fortsetzen“.</translation>
    </message>
    <message>
        <source>The provider asks for a long wait before the next request, as a daily limit does. Press Resume once it has passed.</source>
        <translation>Der Anbieter bittet vor der nächsten Anfrage um eine lange Wartezeit, wie bei einem Tageslimit. Drücken Sie „Fortsetzen“, wenn sie vorüber ist.</translation>
    </message>
</context>
<context>
    <name>Salvo::RunPreviewModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Salvo::RunStore</name>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>%1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a Salvo run file.</source>
        <translation>%1 ist keine Salvo-Laufdatei.</translation>
    </message>
    <message>
        <source>Cannot open %1: the SQLite driver for Qt is not installed.</source>
        <translation>%1 kann nicht geöffnet werden: Der SQLite-Treiber für Qt ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a Salvo run file: %2.</source>
        <translation>%1 ist keine Salvo-Laufdatei: %2.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Salvo (schema %2); this version reads up to %3.</source>
        <translation>%1 wurde von einer neueren Salvo-Version geschrieben (Schema %2); diese Version liest bis Schema %3.</translation>
    </message>
    <message>
        <source>Cannot upgrade %1 from schema %2 to %3: %4.</source>
        <translation>%1 kann nicht von Schema %2 auf %3 aktualisiert werden: %4.</translation>
    </message>
    <message>
        <source>Cannot save the settings in %1: %2.</source>
        <translation>Die Einstellungen können nicht in %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>Cannot add rows to %1: %2.</source>
        <translation>Zeilen können nicht zu %1 hinzugefügt werden: %2.</translation>
    </message>
    <message>
        <source>Cannot save results to %1: %2.</source>
        <translation>Ergebnisse können nicht in %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>there is no item %1</source>
        <translation>es gibt keinen Eintrag %1</translation>
    </message>
</context>
<context>
    <name>Salvo::SimCommandLine</name>
    <message>
        <source>Unknown preset &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unbekannte Voreinstellung „%1“; wählen Sie eine von: %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2 at byte %3.</source>
        <translation>%1 ist kein JSON-Objekt: %2 bei Byte %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A local HTTP server that behaves like the Anthropic Messages API (POST /v1/messages) and the OpenAI Chat Completions API (POST /v1/chat/completions), with their rate limits and failures. GET /stats reports what it has seen; POST /reset forgets it; GET or POST /config reads or changes the settings while it runs.

On start it prints one line to stdout: {&quot;url&quot;:&quot;http://127.0.0.1:PORT&quot;} (and &quot;cert&quot; for h2tls).</source>
        <translation>Ein lokaler HTTP-Server, der sich wie die Anthropic Messages API (POST /v1/messages) und die OpenAI Chat Completions API (POST /v1/chat/completions) verhält, mit ihren Ratenlimits und Fehlern. GET /stats berichtet, was er gesehen hat; POST /reset vergisst es; GET oder POST /config liest oder ändert die Einstellungen, während er läuft.

Beim Start gibt er eine Zeile auf stdout aus: {&quot;url&quot;:&quot;http://127.0.0.1:PORT&quot;} (und &quot;cert&quot; bei h2tls).</translation>
    </message>
    <message>
        <source>Starting point: %1 (default fast). Flags given after it override it.</source>
        <translation>Ausgangspunkt: %1 (Standard: fast). Danach angegebene Optionen überschreiben ihn.</translation>
    </message>
    <message>
        <source>JSON file of settings, keyed by these flags&apos; names (e.g. {&quot;latency-ms&quot;: 200, &quot;p500&quot;: 0.03}); flags override it.</source>
        <translation>JSON-Datei mit Einstellungen, geschlüsselt nach den Namen dieser Optionen (z. B. {&quot;latency-ms&quot;: 200, &quot;p500&quot;: 0.03}); Optionen überschreiben sie.</translation>
    </message>
    <message>
        <source>Run %1 --help for the options.</source>
        <translation>Führen Sie %1 --help aus, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
</context>
<context>
    <name>Salvo::SimConfig</name>
    <message>
        <source>expected a number from %1 to %2, got &quot;%3&quot;</source>
        <translation>erwartet wird eine Zahl von %1 bis %2, erhalten: „%3“</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, got &quot;%3&quot;</source>
        <translation>erwartet wird eine ganze Zahl von %1 bis %2, erhalten: „%3“</translation>
    </message>
    <message>
        <source>Probability (0-1) that a request %1.</source>
        <translation>Wahrscheinlichkeit (0–1), dass eine Anfrage %1.</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: 127.0.0.1).</translation>
    </message>
    <message>
        <source>Port to listen on; 0 picks a free one (default 0).</source>
        <translation>Port, auf dem gelauscht wird; 0 wählt einen freien (Standard: 0).</translation>
    </message>
    <message>
        <source>Protocol: HTTP/1.1 (and HTTP/2 with prior knowledge on the same port), HTTP/2 with prior knowledge only, or HTTP/2 over TLS.</source>
        <translation>Protokoll: HTTP/1.1 (und HTTP/2 mit Vorwissen (prior knowledge) auf demselben Port), nur HTTP/2 mit Vorwissen oder HTTP/2 über TLS.</translation>
    </message>
    <message>
        <source>expected http1, h2c or h2tls, got &quot;%1&quot;</source>
        <translation>erwartet wird http1, h2c oder h2tls, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Where h2tls writes its self-signed certificate (PEM) for clients to trust.</source>
        <translation>Wohin h2tls sein selbstsigniertes Zertifikat (PEM) schreibt, dem Clients vertrauen sollen.</translation>
    </message>
    <message>
        <source>The only key accepted; by default any non-empty key is.</source>
        <translation>Der einzige akzeptierte Schlüssel; standardmäßig wird jeder nicht leere Schlüssel akzeptiert.</translation>
    </message>
    <message>
        <source>Seed for latency jitter and fault draws (default 1).</source>
        <translation>Startwert für Latenzschwankung und Fehlerauswahl (Standard: 1).</translation>
    </message>
    <message>
        <source>Base latency of an answer in milliseconds.</source>
        <translation>Grundlatenz einer Antwort in Millisekunden.</translation>
    </message>
    <message>
        <source>Extra latency per output token, milliseconds.</source>
        <translation>Zusätzliche Latenz pro Ausgabe-Token, in Millisekunden.</translation>
    </message>
    <message>
        <source>Latency varies uniformly by plus or minus this fraction.</source>
        <translation>Die Latenz schwankt gleichmäßig um plus oder minus diesen Anteil.</translation>
    </message>
    <message>
        <source>Output tokens per answer; 0 lets each prompt pick its own count.</source>
        <translation>Ausgabe-Tokens pro Antwort; 0 lässt jeden Prompt seine eigene Anzahl wählen.</translation>
    </message>
    <message>
        <source>Smallest per-prompt answer, in tokens.</source>
        <translation>Kleinste Antwort je Prompt, in Tokens.</translation>
    </message>
    <message>
        <source>Largest per-prompt answer, in tokens.</source>
        <translation>Größte Antwort je Prompt, in Tokens.</translation>
    </message>
    <message>
        <source>Requests per minute allowed; 0 is unlimited.</source>
        <translation>Erlaubte Anfragen pro Minute; 0 ist unbegrenzt.</translation>
    </message>
    <message>
        <source>Input tokens per minute allowed; 0 is unlimited.</source>
        <translation>Erlaubte Eingabe-Tokens pro Minute; 0 ist unbegrenzt.</translation>
    </message>
    <message>
        <source>Output tokens per minute allowed; 0 is unlimited.</source>
        <translation>Erlaubte Ausgabe-Tokens pro Minute; 0 ist unbegrenzt.</translation>
    </message>
    <message>
        <source>Burst size of each rate-limit bucket, in seconds of its rate (default 60).</source>
        <translation>Burst-Größe jedes Ratenlimit-Eimers, in Sekunden seiner Rate (Standard: 60).</translation>
    </message>
    <message>
        <source>Requests answered at once; 0 is unlimited.</source>
        <translation>Gleichzeitig beantwortete Anfragen; 0 ist unbegrenzt.</translation>
    </message>
    <message>
        <source>Status for requests above --max-concurrent (default 429).</source>
        <translation>Status für Anfragen über --max-concurrent (Standard: 429).</translation>
    </message>
    <message>
        <source>expected 429 or 529, got &quot;%1&quot;</source>
        <translation>erwartet wird 429 oder 529, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Answers before the spend limit is reached and every request gets a 429 that must not be retried; -1 never (default).</source>
        <translation>Antworten, bevor das Ausgabenlimit erreicht ist und jede Anfrage eine 429 erhält, die nicht wiederholt werden darf; -1 nie (Standard).</translation>
    </message>
    <message>
        <source>Also send retry-after-ms on 429s (as Azure OpenAI does).</source>
        <translation>Bei 429ern zusätzlich retry-after-ms senden (wie Azure OpenAI).</translation>
    </message>
    <message>
        <source>expected 0 or 1, got &quot;%1&quot;</source>
        <translation>erwartet wird 0 oder 1, erhalten: „%1“</translation>
    </message>
    <message>
        <source>gets 500 api_error</source>
        <translation>einen 500 api_error erhält</translation>
    </message>
    <message>
        <source>gets 503 service unavailable</source>
        <translation>einen 503 service unavailable erhält</translation>
    </message>
    <message>
        <source>gets 529 overloaded_error</source>
        <translation>einen 529 overloaded_error erhält</translation>
    </message>
    <message>
        <source>gets 408 request timeout</source>
        <translation>einen 408 request timeout erhält</translation>
    </message>
    <message>
        <source>has its connection (or HTTP/2 stream) reset</source>
        <translation>ihre Verbindung (oder ihren HTTP/2-Stream) zurückgesetzt bekommt</translation>
    </message>
    <message>
        <source>is never answered</source>
        <translation>nie beantwortet wird</translation>
    </message>
    <message>
        <source>gets a 200 whose body is not valid JSON</source>
        <translation>eine 200 erhält, deren Body kein gültiges JSON ist</translation>
    </message>
    <message>
        <source>gets a 200 whose body stops short of its Content-Length</source>
        <translation>eine 200 erhält, deren Body vor ihrer Content-Length endet</translation>
    </message>
    <message>
        <source>HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS per connection (default 100).</source>
        <translation>HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS pro Verbindung (Standard: 100).</translation>
    </message>
    <message>
        <source>Largest request body accepted; larger ones get 413 (default 32 MiB).</source>
        <translation>Größter akzeptierter Request-Body; größere erhalten 413 (Standard: 32 MiB).</translation>
    </message>
    <message>
        <source>The fault probabilities add up to %1; together they can be at most 1.</source>
        <translation>Die Fehlerwahrscheinlichkeiten ergeben zusammen %1; zusammen dürfen sie höchstens 1 sein.</translation>
    </message>
    <message>
        <source>min-output-tokens (%1) is larger than max-output-tokens (%2).</source>
        <translation>min-output-tokens (%1) ist größer als max-output-tokens (%2).</translation>
    </message>
    <message>
        <source>h2tls needs --cert FILE: the place to write the certificate clients must trust.</source>
        <translation>h2tls braucht --cert FILE: den Ort, an den das Zertifikat geschrieben wird, dem Clients vertrauen müssen.</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1: %2</translation>
    </message>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Unbekannte Einstellung „%1“.</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;.</source>
        <translation>Unbekannte Voreinstellung „%1“.</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be a string, number or boolean.</source>
        <translation>Die Einstellung „%1“ muss eine Zeichenkette, eine Zahl oder ein Wahrheitswert sein.</translation>
    </message>
</context>
<context>
    <name>Salvo::SimServer</name>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation>„%1“ ist keine IP-Adresse, auf der gelauscht werden kann.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2.</source>
        <translation>Lauschen auf %1:%2 nicht möglich.</translation>
    </message>
</context>
<context>
    <name>Salvo::TableLoad</name>
    <message>
        <source>Column %1 has no name; it is called &quot;%2&quot;.</source>
        <translation>Spalte %1 hat keinen Namen; sie heißt „%2“.</translation>
    </message>
    <message>
        <source>Column %1 repeats the name &quot;%2&quot;; it is called &quot;%3&quot;.</source>
        <translation>Spalte %1 wiederholt den Namen „%2“; sie heißt „%3“.</translation>
    </message>
</context>
<context>
    <name>Salvo::TableLoader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>es ist ein Ordner.</translation>
    </message>
    <message>
        <source>%1, row %2, column %3: %4</source>
        <translation>%1, Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Salvo::TextDecoder</name>
    <message>
        <source>&quot;%1&quot; is not an encoding Salvo reads; choose UTF-8, UTF-16LE, UTF-16BE or Windows-1252.</source>
        <translation>„%1“ ist keine Kodierung, die Salvo liest; wählen Sie UTF-8, UTF-16LE, UTF-16BE oder Windows-1252.</translation>
    </message>
    <message>
        <source>The file is not UTF-8; it was read as Windows-1252.</source>
        <translation>Die Datei ist nicht UTF-8; sie wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <source>Some bytes are not valid %1; each was replaced by %2.</source>
        <translation>Einige Bytes sind kein gültiges %1; jedes wurde durch %2 ersetzt.</translation>
    </message>
</context>
<context>
    <name>Salvo::XlsxLoader</name>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 cannot be unpacked</source>
        <translation>%1 kann nicht entpackt werden</translation>
    </message>
    <message>
        <source>%1 is too large (%2 MB)</source>
        <translation>%1 ist zu groß (%2 MB)</translation>
    </message>
    <message>
        <source>%1 is broken XML (line %2: %3)</source>
        <translation>%1 ist fehlerhaftes XML (Zeile %2: %3)</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 ist leer (0 Bytes).</translation>
    </message>
    <message>
        <source>%1 is protected with a password, so its contents are encrypted. Open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password) and save it as .xlsx.</source>
        <translation>%1 ist mit einem Kennwort geschützt, daher ist sein Inhalt verschlüsselt. Öffnen Sie die Datei in Excel, entfernen Sie das Kennwort (Datei &gt; Informationen &gt; Arbeitsmappe schützen &gt; Mit Kennwort verschlüsseln) und speichern Sie sie als .xlsx.</translation>
    </message>
    <message>
        <source>%1 is an Excel 97-2003 workbook (.xls) or another old Office file, which Salvo cannot read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).</source>
        <translation>%1 ist eine Excel-97-2003-Arbeitsmappe (.xls) oder eine andere alte Office-Datei, die Salvo nicht lesen kann. Öffnen Sie sie in Excel oder LibreOffice und speichern Sie sie als Excel-Arbeitsmappe (.xlsx).</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook: an .xlsx file is a ZIP archive and this file is not one. If it holds comma- or tab-separated text, load it as CSV or TSV.</source>
        <translation>%1 ist keine Excel-Arbeitsmappe: Eine .xlsx-Datei ist ein ZIP-Archiv, und diese Datei ist keines. Wenn sie komma- oder tabulatorgetrennten Text enthält, laden Sie sie als CSV oder TSV.</translation>
    </message>
    <message>
        <source>%1 is damaged: its ZIP structure cannot be read, perhaps because the file is incomplete. Copy or download it again, or open it in Excel to repair it.</source>
        <translation>%1 ist beschädigt: Die ZIP-Struktur kann nicht gelesen werden, vielleicht weil die Datei unvollständig ist. Kopieren oder laden Sie sie erneut herunter, oder öffnen Sie sie in Excel, um sie zu reparieren.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2.</source>
        <translation>%1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <source>%1 is an Excel binary workbook (.xlsb), which Salvo cannot read. Open it in Excel and save it as an Excel workbook (.xlsx).</source>
        <translation>%1 ist eine binäre Excel-Arbeitsmappe (.xlsb), die Salvo nicht lesen kann. Öffnen Sie sie in Excel und speichern Sie sie als Excel-Arbeitsmappe (.xlsx).</translation>
    </message>
    <message>
        <source>%1 is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as an Excel workbook (.xlsx).</source>
        <translation>%1 ist eine OpenDocument-Tabelle (.ods). Öffnen Sie sie in LibreOffice oder Excel und speichern Sie sie als Excel-Arbeitsmappe (.xlsx).</translation>
    </message>
    <message>
        <source>%1 is a ZIP archive but not an Excel workbook: it holds no workbook part. Choose the .xlsx file itself.</source>
        <translation>%1 ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe: Es enthält keinen Arbeitsmappen-Teil. Wählen Sie die .xlsx-Datei selbst.</translation>
    </message>
    <message>
        <source>%1 has no sheets.</source>
        <translation>%1 hat keine Tabellenblätter.</translation>
    </message>
    <message>
        <source>Row %1 has a cell beyond column XFD, the last one Excel has; it is ignored.</source>
        <translation>Zeile %1 hat eine Zelle jenseits von Spalte XFD, der letzten in Excel; sie wird ignoriert.</translation>
    </message>
    <message>
        <source>Cell %1 holds a formula whose result was never saved, so it is empty. Open and save the workbook in Excel to compute it.</source>
        <translation>Zelle %1 enthält eine Formel, deren Ergebnis nie gespeichert wurde, daher ist sie leer. Öffnen und speichern Sie die Arbeitsmappe in Excel, um sie zu berechnen.</translation>
    </message>
    <message>
        <source>Cell %1 refers to shared string %2, which the workbook does not have; it is left empty.</source>
        <translation>Zelle %1 verweist auf die gemeinsame Zeichenkette %2, die die Arbeitsmappe nicht hat; sie bleibt leer.</translation>
    </message>
    <message>
        <source>Cell %1 holds the error %2; it is loaded as that text.</source>
        <translation>Zelle %1 enthält den Fehler %2; sie wird als dieser Text geladen.</translation>
    </message>
    <message>
        <source>%1 has no sheet “%2”. Its sheets are: %3.</source>
        <translation>%1 hat kein Tabellenblatt „%2“. Seine Tabellenblätter sind: %3.</translation>
    </message>
    <message>
        <source>%1: sheet “%2” is a chart, not a table. Choose one of these sheets: %3.</source>
        <translation>%1: Das Tabellenblatt „%2“ ist ein Diagramm, keine Tabelle. Wählen Sie eines dieser Tabellenblätter: %3.</translation>
    </message>
    <message>
        <source>%1 is damaged: the cells of sheet “%2” are missing.</source>
        <translation>%1 ist beschädigt: Die Zellen des Tabellenblatts „%2“ fehlen.</translation>
    </message>
    <message>
        <source>%1, sheet “%2”, row %3: the sheet is damaged (%4).</source>
        <translation>%1, Tabellenblatt „%2“, Zeile %3: Das Tabellenblatt ist beschädigt (%4).</translation>
    </message>
    <message>
        <source>%1, sheet “%2”: the sheet is damaged (%3).</source>
        <translation>%1, Tabellenblatt „%2“: Das Tabellenblatt ist beschädigt (%3).</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: sheet “%2” has no values in row %3 or below.</source>
        <translation>%1: Das Tabellenblatt „%2“ hat ab Zeile %3 keine Werte.</translation>
    </message>
    <message>
        <source>%1: sheet “%2” is empty.</source>
        <translation>%1: Das Tabellenblatt „%2“ ist leer.</translation>
    </message>
    <message>
        <source>%1: the rows cannot be stored: %2</source>
        <translation>%1: Die Zeilen können nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The header is taken from row %1, the first row at or below row %2 that holds values.</source>
        <translation>Die Kopfzeile wird aus Zeile %1 genommen, der ersten Zeile ab Zeile %2, die Werte enthält.</translation>
    </message>
    <message numerus="yes">
        <source>The sheet has %n merged range(s); each keeps its value in its top-left cell and its other cells are empty.</source>
        <translation>
            <numerusform>Das Tabellenblatt hat %n verbundenen Bereich; er behält seinen Wert in der linken oberen Zelle, seine übrigen Zellen sind leer.</numerusform>
            <numerusform>Das Tabellenblatt hat %n verbundene Bereiche; jeder behält seinen Wert in seiner linken oberen Zelle, seine übrigen Zellen sind leer.</numerusform>
        </translation>
    </message>
</context>
</TS>
