<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Accounts</name>
    <message>
        <source>{folder} is not inside the shared folder {share}. Choose a folder inside it.</source>
        <translation>{folder} liegt nicht im freigegebenen Ordner {share}. Wählen Sie einen Ordner darin.</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>This system has no “xdg-open”, which Pier uses to find your web browser (on Debian or Ubuntu it comes with the xdg-utils package).</source>
        <translation>Auf diesem System fehlt „xdg-open“, mit dem Pier Ihren Webbrowser findet (unter Debian oder Ubuntu im Paket xdg-utils enthalten).</translation>
    </message>
    <message>
        <source>No default web browser is set up, or it did not start.</source>
        <translation>Es ist kein Standard-Webbrowser eingerichtet, oder er ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Port changed</source>
        <translation>Port geändert</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Geräte in meinem Netzwerk zulassen</translation>
    </message>
    <message>
        <source>Share with phones and other computers on this network (restarts the share on the local network)</source>
        <translation>Mit Telefonen und anderen Computern in diesem Netzwerk teilen (startet die Freigabe im lokalen Netzwerk neu)</translation>
    </message>
    <message>
        <source>Addresses of the share</source>
        <translation>Adressen der Freigabe</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Copy the selected address</source>
        <translation>Die ausgewählte Adresse kopieren</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Open the selected address in your browser</source>
        <translation>Die ausgewählte Adresse in Ihrem Browser öffnen</translation>
    </message>
    <message>
        <source>Connect as a drive…</source>
        <translation>Als Laufwerk verbinden…</translation>
    </message>
    <message>
        <source>Open this share as a network drive: the address to type on Windows, macOS, Linux or in rclone</source>
        <translation>Diese Freigabe als Netzlaufwerk öffnen: die Adresse zum Eingeben unter Windows, macOS, Linux oder in rclone</translation>
    </message>
    <message>
        <source>Phone can&apos;t connect?</source>
        <translation>Telefon verbindet sich nicht?</translation>
    </message>
    <message>
        <source>Test the connection from your phone and find out what stops it (firewall, network, VPN)</source>
        <translation>Testen Sie die Verbindung vom Telefon aus und finden Sie heraus, was sie verhindert (Firewall, Netzwerk, VPN)</translation>
    </message>
    <message>
        <source>QR code of the selected address</source>
        <translation>QR-Code der ausgewählten Adresse</translation>
    </message>
    <message>
        <source>Address in the QR code</source>
        <translation>Adresse im QR-Code</translation>
    </message>
    <message>
        <source>The addresses to open appear here once sharing has started.</source>
        <translation>Die Adressen zum Öffnen erscheinen hier, sobald die Freigabe gestartet ist.</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses, so there is no QR code: a phone could not use it.</source>
        <translation>Nur dieser Computer kann diese Adressen öffnen, daher gibt es keinen QR-Code: Ein Telefon könnte ihn nicht verwenden.</translation>
    </message>
    <message>
        <source>Open an address on a device in the same network, or scan the code with a phone:</source>
        <translation>Öffnen Sie eine Adresse auf einem Gerät im selben Netzwerk, oder scannen Sie den Code mit einem Telefon:</translation>
    </message>
    <message>
        <source>Could not open a browser</source>
        <translation>Browser konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Pier asked the system to open {url} in a web browser, but none opened. {why}

Copy the address (Copy address) and paste it into a browser instead.</source>
        <translation>Pier hat das System gebeten, {url} in einem Webbrowser zu öffnen, aber keiner wurde geöffnet. {why}

Kopieren Sie die Adresse (Adresse kopieren) und fügen Sie sie stattdessen in einen Browser ein.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>HTTPS certificate — Pier</source>
        <translation>HTTPS-Zertifikat — Pier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exactly one:&lt;/b&gt; the phone must show exactly ONE certificate, named “Pier local CA…”, in the profile or file it installs. If it shows more, remove it: a copy changed on the way could carry a second authority.</source>
        <translation>&lt;b&gt;Genau eines:&lt;/b&gt; Das Telefon muss im installierten Profil oder in der Datei genau EIN Zertifikat namens „Pier local CA…“ zeigen. Zeigt es mehr, entfernen Sie es: Eine unterwegs veränderte Kopie könnte eine zweite Zertifizierungsstelle enthalten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate</source>
        <translation>Zertifikat dieses Computers</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Pier&apos;s local authority (CA): what devices trust</source>
        <translation>Lokale Zertifizierungsstelle (CA) von Pier: der die Geräte vertrauen</translation>
    </message>
    <message>
        <source>Replace certificate authority…</source>
        <translation>Zertifizierungsstelle ersetzen…</translation>
    </message>
    <message>
        <source>Make a new CA limited to web servers; every device must trust it again</source>
        <translation>Eine neue, auf Webserver beschränkte CA erstellen; jedes Gerät muss ihr erneut vertrauen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trust on a phone&lt;/b&gt;</source>
        <translation>&lt;b&gt;Auf einem Telefon vertrauen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Make new certificate…</source>
        <translation>Neues Zertifikat erstellen…</translation>
    </message>
    <message>
        <source>Generate (or regenerate) the certificate</source>
        <translation>Das Zertifikat erzeugen (oder neu erzeugen)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Use your own certificate and key (PEM)</source>
        <translation>Eigenes Zertifikat und eigenen Schlüssel verwenden (PEM)</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own</source>
        <translation>Das von Pier verwenden</translation>
    </message>
    <message>
        <source>Stop using the imported certificate</source>
        <translation>Das importierte Zertifikat nicht mehr verwenden</translation>
    </message>
    <message>
        <source>Export CA certificate…</source>
        <translation>CA-Zertifikat exportieren…</translation>
    </message>
    <message>
        <source>Save the CA certificate to install it on devices</source>
        <translation>Das CA-Zertifikat speichern, um es auf Geräten zu installieren</translation>
    </message>
    <message>
        <source>Cannot read the certificate</source>
        <translation>Das Zertifikat kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading the certificate…</source>
        <translation>Zertifikat wird gelesen…</translation>
    </message>
    <message>
        <source>No certificate yet. It is made when you first share with HTTPS, or press “Make new certificate…”.</source>
        <translation>Noch kein Zertifikat. Es wird erstellt, wenn Sie zum ersten Mal mit HTTPS freigeben, oder wenn Sie auf „Neues Zertifikat erstellen…“ klicken.</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>Neu erzeugen…</translation>
    </message>
    <message>
        <source>Pier (generated, self-signed)</source>
        <translation>Pier (erzeugt, selbstsigniert)</translation>
    </message>
    <message>
        <source>Pier (generated, signed by Pier&apos;s CA)</source>
        <translation>Pier (erzeugt, von der CA von Pier signiert)</translation>
    </message>
    <message>
        <source>Imported: {subject}</source>
        <translation>Importiert: {subject}</translation>
    </message>
    <message>
        <source>No CA: the certificate is self-signed or imported without one. Devices must trust it directly.</source>
        <translation>Keine CA: Das Zertifikat ist selbstsigniert oder ohne CA importiert. Geräte müssen ihm direkt vertrauen.</translation>
    </message>
    <message>
        <source>Replace the certificate authority (below) first: phones are not offered one an older Pier made.</source>
        <translation>Ersetzen Sie zuerst die Zertifizierungsstelle (unten): Eine von einem älteren Pier erstellte wird Telefonen nicht angeboten.</translation>
    </message>
    <message>
        <source>The running share still hands out the previous CA. Stop and start sharing, then scan the code.</source>
        <translation>Die laufende Freigabe gibt noch die bisherige CA aus. Beenden und starten Sie die Freigabe neu und scannen Sie dann den Code.</translation>
    </message>
    <message>
        <source>Devices must trust again</source>
        <translation>Geräte müssen erneut vertrauen</translation>
    </message>
    <message>
        <source>Make it</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Cannot make the certificate</source>
        <translation>Das Zertifikat kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Making the certificate…</source>
        <translation>Zertifikat wird erstellt…</translation>
    </message>
    <message>
        <source>Imported. Sharing with HTTPS uses it from now on.</source>
        <translation>Importiert. Die Freigabe mit HTTPS verwendet es ab jetzt.</translation>
    </message>
    <message>
        <source>Pier&apos;s own certificate is used from now on.</source>
        <translation>Ab jetzt wird Piers eigenes Zertifikat verwendet.</translation>
    </message>
    <message>
        <source>With HTTPS on, devices check this certificate. Let each device trust Pier&apos;s local authority (CA) once: scan the code with a phone and follow the page it opens (or copy the exported file to the device), then compare the CA fingerprint shown here with the one the device shows.</source>
        <translation>Mit HTTPS prüfen Geräte dieses Zertifikat. Lassen Sie jedes Gerät einmal der lokalen Zertifizierungsstelle (CA) von Pier vertrauen: Scannen Sie den Code mit einem Telefon und folgen Sie der Seite, die sich öffnet (oder kopieren Sie die exportierte Datei auf das Gerät), und vergleichen Sie dann den hier angezeigten CA-Fingerabdruck mit dem, den das Gerät anzeigt.</translation>
    </message>
    <message>
        <source>QR code of the trust page&apos;s address</source>
        <translation>QR-Code der Adresse der Vertrauensseite</translation>
    </message>
    <message>
        <source>While sharing with HTTPS and Pier&apos;s own certificate, a code appears here: scan it on a phone to install the CA.</source>
        <translation>Während der Freigabe mit HTTPS und Piers eigenem Zertifikat erscheint hier ein Code: Scannen Sie ihn mit einem Telefon, um die CA zu installieren.</translation>
    </message>
    <message>
        <source>Scan with the phone to open the steps:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</source>
        <translation>Mit dem Telefon scannen, um die Schritte zu öffnen:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</translation>
    </message>
    <message>
        <source>New certificate made; a share running with HTTPS uses it now.</source>
        <translation>Neues Zertifikat erstellt; eine laufende HTTPS-Freigabe verwendet es sofort.</translation>
    </message>
    <message>
        <source>http://&lt;this computer&apos;s address&gt;:&lt;port&gt;/.well-known/pier/trust</source>
        <translation>http://&lt;Adresse dieses Computers&gt;:&lt;Port&gt;/.well-known/pier/trust</translation>
    </message>
    <message>
        <source>Replace the certificate authority?</source>
        <translation>Zertifizierungsstelle ersetzen?</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Cannot replace the certificate authority</source>
        <translation>Die Zertifizierungsstelle kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>Making a new certificate authority…</source>
        <translation>Neue Zertifizierungsstelle wird erstellt…</translation>
    </message>
    <message>
        <source>New certificate authority made; the old one&apos;s key was destroyed. Let every device trust the new one (remove the old one there).</source>
        <translation>Neue Zertifizierungsstelle erstellt; der Schlüssel der alten wurde vernichtet. Lassen Sie jedes Gerät der neuen vertrauen (und entfernen Sie dort die alte).</translation>
    </message>
    <message>
        <source>Choose the certificate (PEM)</source>
        <translation>Das Zertifikat wählen (PEM)</translation>
    </message>
    <message>
        <source>Choose its private key (PEM)</source>
        <translation>Den zugehörigen privaten Schlüssel wählen (PEM)</translation>
    </message>
    <message>
        <source>Checking the certificate and key…</source>
        <translation>Zertifikat und Schlüssel werden geprüft…</translation>
    </message>
    <message>
        <source>Cannot use this certificate</source>
        <translation>Dieses Zertifikat kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>That passphrase does not open {key}. Try again:</source>
        <translation>Diese Passphrase öffnet {key} nicht. Versuchen Sie es erneut:</translation>
    </message>
    <message>
        <source>The key {key} is protected by a passphrase. Enter it:</source>
        <translation>Der Schlüssel {key} ist durch eine Passphrase geschützt. Geben Sie sie ein:</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>Passphrase erforderlich</translation>
    </message>
    <message>
        <source>Cannot switch certificates</source>
        <translation>Zertifikat kann nicht gewechselt werden</translation>
    </message>
    <message>
        <source>Switching to Pier&apos;s own certificate…</source>
        <translation>Wechsel zum Zertifikat von Pier…</translation>
    </message>
    <message>
        <source>Export the CA certificate</source>
        <translation>CA-Zertifikat exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cannot export the CA certificate</source>
        <translation>Das CA-Zertifikat kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>CA certificate saved to {file}.</source>
        <translation>CA-Zertifikat gespeichert unter {file}.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Private Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PEM certificate (*.crt *.pem);;DER certificate (*.der *.cer)</source>
        <translation>PEM-Zertifikat (*.crt *.pem);;DER-Zertifikat (*.der *.cer)</translation>
    </message>
    <message>
        <source>Devices that already trust Pier will show a warning again until they trust the new certificate. Continue?</source>
        <translation>Geräte, die Pier bereits vertrauen, zeigen wieder eine Warnung, bis sie dem neuen Zertifikat vertrauen. Fortfahren?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pier&apos;s certificate authority is not limited to web servers.&lt;/b&gt; An older Pier made it: anyone who got hold of its key could make e-mail (S/MIME) or code-signing certificates that every device trusting it accepts. It cannot be fixed in place; replace it, then let each device trust the new one.</source>
        <translation>&lt;b&gt;Die Zertifizierungsstelle von Pier ist nicht auf Webserver beschränkt.&lt;/b&gt; Ein älteres Pier hat sie erstellt: Wer ihren Schlüssel in die Hände bekommt, könnte E-Mail-Zertifikate (S/MIME) oder Code-Signing-Zertifikate erstellen, die jedes Gerät akzeptiert, das ihr vertraut. Das lässt sich nicht nachträglich beheben; ersetzen Sie sie und lassen Sie dann jedes Gerät der neuen vertrauen.</translation>
    </message>
    <message>
        <source>Pier makes a new certificate authority, limited to web servers on your local network, and destroys the old one&apos;s key.

Every device that trusts the old one must trust the new one again. On each device:
1. Remove the old certificate “{old}”.
2. Install the new one: scan the code in this dialog while sharing with HTTPS, open {url} on the device and follow its steps, or copy the file “Export CA certificate…” saves.
Until then the device warns about Pier&apos;s certificate.

A share running with HTTPS uses the new certificate at once.</source>
        <translation>Pier erstellt eine neue, auf Webserver in Ihrem lokalen Netzwerk beschränkte Zertifizierungsstelle und vernichtet den Schlüssel der alten.

Jedes Gerät, das der alten vertraut, muss der neuen erneut vertrauen. Auf jedem Gerät:
1. Das alte Zertifikat „{old}“ entfernen.
2. Das neue installieren: den Code in diesem Dialog scannen, während mit HTTPS freigegeben wird, {url} auf dem Gerät öffnen und den Schritten dort folgen, oder die Datei kopieren, die „CA-Zertifikat exportieren…“ speichert.
Bis dahin warnt das Gerät vor dem Zertifikat von Pier.

Eine laufende HTTPS-Freigabe verwendet das neue Zertifikat sofort.</translation>
    </message>
    <message>
        <source>Compare with the SHA-256 fingerprint the phone shows for the installed certificate: every pair must match. Never trust a fingerprint a web page shows.</source>
        <translation>Vergleichen Sie ihn mit dem SHA-256-Fingerabdruck, den das Telefon für das installierte Zertifikat anzeigt: Jedes Paar muss übereinstimmen. Trauen Sie nie einem Fingerabdruck, den eine Webseite anzeigt.</translation>
    </message>
    <message>
        <source>&lt;br&gt;This address works on this computer only: choose the local network address in Pier&apos;s window for a phone.</source>
        <translation>&lt;br&gt;Diese Adresse funktioniert nur auf diesem Computer: Wählen Sie für ein Telefon im Fenster von Pier die Adresse im lokalen Netzwerk.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Cannot ban</source>
        <translation>Sperren nicht möglich</translation>
    </message>
    <message>
        <source>Cannot unban</source>
        <translation>Entsperren nicht möglich</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>Trennen nicht möglich</translation>
    </message>
    <message>
        <source>Cannot cancel the upload</source>
        <translation>Der Upload kann nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>The upload is still receiving a chunk that would not stop; try again in a moment.</source>
        <translation>Der Upload empfängt noch einen Teil, der sich nicht stoppen ließ; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>vor {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>vor {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>vor {hours} h</translation>
    </message>
    <message>
        <source>{percent} of {total}</source>
        <translation>{percent} von {total}</translation>
    </message>
    <message>
        <source>{percent} · {received} of {total}</source>
        <translation>{percent} · {received} von {total}</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>Besucher</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clients&lt;/b&gt; (since the share started)</source>
        <translation>&lt;b&gt;Clients&lt;/b&gt; (seit Beginn der Freigabe)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Close this client&apos;s connections now (it may reconnect)</source>
        <translation>Die Verbindungen dieses Clients jetzt schließen (er kann sich erneut verbinden)</translation>
    </message>
    <message>
        <source>Ban for this session</source>
        <translation>Für diese Sitzung sperren</translation>
    </message>
    <message>
        <source>Refuse this address until Pier quits</source>
        <translation>Diese Adresse abweisen, bis Pier beendet wird</translation>
    </message>
    <message>
        <source>Ban permanently</source>
        <translation>Dauerhaft sperren</translation>
    </message>
    <message>
        <source>Refuse this address from now on, also after a restart</source>
        <translation>Diese Adresse ab jetzt abweisen, auch nach einem Neustart</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transfers now&lt;/b&gt; (large downloads and uploads)</source>
        <translation>&lt;b&gt;Aktuelle Übertragungen&lt;/b&gt; (große Downloads und Uploads)</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Aktuelle Übertragungen</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>Übertragung abbrechen</translation>
    </message>
    <message>
        <source>Stop this download or upload now</source>
        <translation>Diesen Download oder Upload jetzt stoppen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished uploads&lt;/b&gt; (resumable: the sender may go on later)</source>
        <translation>&lt;b&gt;Unvollständige Uploads&lt;/b&gt; (fortsetzbar: der Absender kann später weitermachen)</translation>
    </message>
    <message>
        <source>Unfinished uploads</source>
        <translation>Unvollständige Uploads</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Upload abbrechen</translation>
    </message>
    <message>
        <source>Remove this unfinished upload and the part received; the sender cannot resume it</source>
        <translation>Diesen unvollständigen Upload und den empfangenen Teil entfernen; der Absender kann ihn nicht fortsetzen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banned&lt;/b&gt; (refused when they connect)</source>
        <translation>&lt;b&gt;Gesperrt&lt;/b&gt; (beim Verbinden abgewiesen)</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Let this address connect again</source>
        <translation>Diese Adresse wieder verbinden lassen</translation>
    </message>
    <message>
        <source>Address or network, e.g. 192.168.1.50 or 10.0.0.0/8</source>
        <translation>Adresse oder Netzwerk, z. B. 192.168.1.50 oder 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Address or network to ban</source>
        <translation>Zu sperrende Adresse oder Netzwerk</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Ban the typed address or network for this session</source>
        <translation>Die eingegebene Adresse oder das Netzwerk für diese Sitzung sperren</translation>
    </message>
    <message>
        <source>Pier quits</source>
        <translation>Beenden von Pier</translation>
    </message>
    <message>
        <source>{count} at {speed}</source>
        <translation>{count} mit {speed}</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Devices are connected</source>
        <translation>Geräte sind verbunden</translation>
    </message>
    <message>
        <source>Pier can keep sharing in the background, with its icon in the system tray, or stop sharing and quit.</source>
        <translation>Pier kann im Hintergrund weiter freigeben, mit seinem Symbol im Systembereich der Kontrollleiste, oder die Freigabe beenden und sich schließen.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Pier cannot keep sharing without its window. Keep the window open, or stop sharing and quit.</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich, daher kann Pier ohne sein Fenster nicht weiter freigeben. Lassen Sie das Fenster geöffnet, oder beenden Sie die Freigabe und schließen Sie Pier.</translation>
    </message>
    <message>
        <source>{activity}. Stopping now ends their downloads and uploads.

{choice}</source>
        <translation>{activity}. Wenn Sie jetzt beenden, brechen deren Downloads und Uploads ab.

{choice}</translation>
    </message>
    <message>
        <source>Quit while sharing?</source>
        <translation>Während der Freigabe beenden?</translation>
    </message>
    <message>
        <source>Pier is still sharing</source>
        <translation>Pier gibt weiterhin frei</translation>
    </message>
    <message>
        <source>Pier keeps serving in the background. Use the tray icon to show the window, stop sharing or quit.</source>
        <translation>Pier bedient weiterhin im Hintergrund. Über das Symbol im Systembereich können Sie das Fenster anzeigen, die Freigabe beenden oder Pier schließen.</translation>
    </message>
</context>
<context>
    <name>CollectOptions</name>
    <message>
        <source>Collect files</source>
        <translation>Dateien einsammeln</translation>
    </message>
    <message>
        <source>Visitors hand in files by name: each person&apos;s files go to their own folder inside this one, which the share never shows. The Collect tab lists who handed in.</source>
        <translation>Besucher geben Dateien unter ihrem Namen ab: Die Dateien jeder Person landen in einem eigenen Ordner darin, den die Freigabe nie anzeigt. Der Reiter „Einsammeln“ zeigt, wer abgegeben hat.</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>In Ordner einsammeln</translation>
    </message>
    <message>
        <source>The folder inside the share that hand-ins go to</source>
        <translation>Der Ordner in der Freigabe, in den die Abgaben gehen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Hand-ins close at a time</source>
        <translation>Abgaben enden zu einem Zeitpunkt</translation>
    </message>
    <message>
        <source>After this time hand-ins are refused</source>
        <translation>Nach diesem Zeitpunkt werden Abgaben abgewiesen</translation>
    </message>
    <message>
        <source>Hand-ins close at</source>
        <translation>Abgaben enden um</translation>
    </message>
</context>
<context>
    <name>CollectService</name>
    <message>
        <source>Could not read {file}: {reason}.</source>
        <translation>{file} konnte nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>{file} is larger than 1 MB: not a list of names.</source>
        <translation>{file} ist größer als 1 MB: keine Namensliste.</translation>
    </message>
    <message>
        <source>open, no deadline</source>
        <translation>offen, ohne Frist</translation>
    </message>
    <message>
        <source>closed at {time}</source>
        <translation>geschlossen um {time}</translation>
    </message>
    <message>
        <source>closes in {days} d {hours} h</source>
        <translation>endet in {days} T {hours} h</translation>
    </message>
    <message>
        <source>closes in {hours} h {minutes} min</source>
        <translation>endet in {hours} h {minutes} min</translation>
    </message>
    <message>
        <source>closes in {minutes} min</source>
        <translation>endet in {minutes} min</translation>
    </message>
    <message>
        <source>Collecting files into {folder} (no deadline)</source>
        <translation>Dateien werden in {folder} eingesammelt (ohne Frist)</translation>
    </message>
    <message>
        <source>Collecting files into {folder} until {time}</source>
        <translation>Dateien werden bis {time} in {folder} eingesammelt</translation>
    </message>
    <message>
        <source>The hand-in deadline has already passed: choose a later one, or turn the deadline off.</source>
        <translation>Die Abgabefrist ist bereits abgelaufen: Wählen Sie eine spätere oder schalten Sie die Frist aus.</translation>
    </message>
</context>
<context>
    <name>CollectView</name>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Show the hand-ins folder in the file manager</source>
        <translation>Den Abgabeordner im Dateimanager anzeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the checklist as a CSV file</source>
        <translation>Die Checkliste als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Handed in, not on the roster:</source>
        <translation>Abgegeben, nicht auf der Liste:</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Nicht auf der Liste</translation>
    </message>
    <message>
        <source>Expected (roster):</source>
        <translation>Erwartet (Liste):</translation>
    </message>
    <message>
        <source>Roster, one name a line</source>
        <translation>Namensliste, ein Name pro Zeile</translation>
    </message>
    <message>
        <source>One name a line, e.g.
Ana García
Bo Li</source>
        <translation>Ein Name pro Zeile, z. B.
Ana García
Bo Li</translation>
    </message>
    <message>
        <source>Load roster…</source>
        <translation>Liste laden…</translation>
    </message>
    <message>
        <source>Read the names from a text file, one a line</source>
        <translation>Die Namen aus einer Textdatei lesen, einer pro Zeile</translation>
    </message>
    <message>
        <source>{count} of {total} handed in</source>
        <translation>{count} von {total} abgegeben</translation>
    </message>
    <message>
        <source>Add the expected names on the right</source>
        <translation>Erwartete Namen rechts eintragen</translation>
    </message>
    <message>
        <source>Not collecting: start sharing with “Collect files” on</source>
        <translation>Kein Einsammeln: Freigabe mit „Dateien einsammeln“ starten</translation>
    </message>
    <message>
        <source>{status} (not sharing)</source>
        <translation>{status} (keine Freigabe)</translation>
    </message>
    <message>
        <source>Load a roster</source>
        <translation>Namensliste laden</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Textdateien (*.txt *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot load the roster</source>
        <translation>Die Liste kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Export the checklist</source>
        <translation>Checkliste exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the checklist</source>
        <translation>Die Checkliste kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>{file} konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Abgegeben</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Aktuelle Übertragungen</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Banned address or network</source>
        <translation>Gesperrte Adresse oder Netzwerk</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>Letzte Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Last used by</source>
        <translation>Zuletzt verwendet von</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Select all: {table}</source>
        <translation>Alle auswählen: {table}</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Locked for</source>
        <translation>Gesperrt für</translation>
    </message>
</context>
<context>
    <name>ConnectDrive</name>
    <message>
        <source>This share: port {port}</source>
        <translation>Diese Freigabe: Port {port}</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>einfaches HTTP (unverschlüsselt)</translation>
    </message>
    <message>
        <source>login required, visitors may look</source>
        <translation>Anmeldung erforderlich, Besucher dürfen ansehen</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>ohne Anmeldung</translation>
    </message>
    <message>
        <source>Pier&apos;s share is also a WebDAV server: your file manager can open it like a disk, with drag and drop, within the rights the share and the account give. Pick your system and copy an address.</source>
        <translation>Die Freigabe von Pier ist auch ein WebDAV-Server: Ihr Dateimanager kann sie wie ein Laufwerk öffnen, mit Ziehen und Ablegen, im Rahmen der Rechte, die die Freigabe und das Konto gewähren. Wählen Sie Ihr System und kopieren Sie eine Adresse.</translation>
    </message>
    <message>
        <source>Start sharing to see the addresses.</source>
        <translation>Starten Sie die Freigabe, um die Adressen zu sehen.</translation>
    </message>
    <message>
        <source>Connect as a &amp;drive…</source>
        <translation>Als &amp;Laufwerk verbinden…</translation>
    </message>
    <message>
        <source>How to open this share as a network drive</source>
        <translation>So öffnen Sie diese Freigabe als Netzlaufwerk</translation>
    </message>
</context>
<context>
    <name>ConnectDriveDialog</name>
    <message>
        <source>Connect as a drive — Pier</source>
        <translation>Als Laufwerk verbinden — Pier</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Address using {host}</source>
        <translation>Adresse über {host}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the address using {host}</source>
        <translation>Die Adresse über {host} kopieren</translation>
    </message>
    <message>
        <source>Copy {address}</source>
        <translation>{address} kopieren</translation>
    </message>
    <message>
        <source>Only this computer can use this address</source>
        <translation>Nur dieser Computer kann diese Adresse verwenden</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>nur dieser Computer</translation>
    </message>
    <message>
        <source>Copied: {text}</source>
        <translation>Kopiert: {text}</translation>
    </message>
</context>
<context>
    <name>ConnectionDoctor</name>
    <message>
        <source>&amp;Phone can&apos;t connect?…</source>
        <translation>&amp;Telefon verbindet sich nicht?…</translation>
    </message>
    <message>
        <source>Find out why a phone or another computer cannot open the share</source>
        <translation>Herausfinden, warum ein Telefon oder ein anderer Computer die Freigabe nicht öffnen kann</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{port} is not a port number. Choose a port from 1 to {max}, or “Any free port”.</source>
        <translation>{port} ist keine Portnummer. Wählen Sie einen Port von 1 bis {max} oder „Beliebiger freier Port“.</translation>
    </message>
    <message>
        <source>Choose a folder to share first.</source>
        <translation>Wählen Sie zuerst einen Ordner zum Freigeben.</translation>
    </message>
    <message>
        <source>“Require login” is on, but there are no accounts yet, so nobody could log in.</source>
        <translation>„Anmeldung verlangen“ ist eingeschaltet, aber es gibt noch keine Konten, also könnte sich niemand anmelden.</translation>
    </message>
    <message>
        <source>Port {wanted}, used last time, is taken now, so Pier picked port {port}. Bookmarks and printed QR codes of the old address will not work.</source>
        <translation>Port {wanted}, der beim letzten Mal verwendet wurde, ist jetzt belegt, daher hat Pier Port {port} gewählt. Lesezeichen und gedruckte QR-Codes der alten Adresse funktionieren nicht.</translation>
    </message>
</context>
<context>
    <name>DesktopActions</name>
    <message>
        <source>Add to applications &amp;menu</source>
        <translation>Zum Anwendungs&amp;menü hinzufügen</translation>
    </message>
    <message>
        <source>Remove from applications &amp;menu</source>
        <translation>Aus dem Anwendungs&amp;menü entfernen</translation>
    </message>
    <message>
        <source>&amp;Start Pier when I log in</source>
        <translation>Pier beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Start Pier in the background when you log in</source>
        <translation>Pier beim Anmelden im Hintergrund starten</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the tray and share the last folder</source>
        <translation>&amp;Versteckt im Infobereich starten und den letzten Ordner freigeben</translation>
    </message>
    <message>
        <source>At login, Pier starts with its window hidden in the tray, sharing the folder shared last</source>
        <translation>Beim Anmelden startet Pier mit im Infobereich verstecktem Fenster und gibt den zuletzt freigegebenen Ordner frei</translation>
    </message>
    <message>
        <source>Could not change starting at login</source>
        <translation>Der Start beim Anmelden konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Pier could not change {place}: {problem}</source>
        <translation>Pier konnte {place} nicht ändern: {problem}</translation>
    </message>
    <message>
        <source>Removed from the applications menu</source>
        <translation>Aus dem Anwendungsmenü entfernt</translation>
    </message>
    <message>
        <source>Pier&apos;s entry was removed ({entry}).</source>
        <translation>Der Eintrag von Pier wurde entfernt ({entry}).</translation>
    </message>
    <message>
        <source>Added to the applications menu</source>
        <translation>Zum Anwendungsmenü hinzugefügt</translation>
    </message>
    <message>
        <source>Pier is in your applications menu now (under Internet or Network; some desktops show it after a moment).

The entry is {entry}.</source>
        <translation>Pier ist jetzt in Ihrem Anwendungsmenü (unter Internet oder Netzwerk; manche Desktops zeigen es erst nach einem Moment).

Der Eintrag ist {entry}.</translation>
    </message>
    <message>
        <source>Could not change the applications menu</source>
        <translation>Das Anwendungsmenü konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Pier could not write its entry under {folder}: {problem}</source>
        <translation>Pier konnte seinen Eintrag unter {folder} nicht schreiben: {problem}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Choose the folder to share</source>
        <translation>Ordner zum Freigeben wählen</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Die sichtbaren Anfragen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Einen Ordner in der Freigabe wählen</translation>
    </message>
    <message>
        <source>Keep sharing in the background</source>
        <translation>Im Hintergrund weiter freigeben</translation>
    </message>
    <message>
        <source>Stop sharing and quit</source>
        <translation>Freigabe beenden und schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation>Fenster geöffnet lassen</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>{name} is a Pier account, which wins over the directory: the directory is not asked for this name.</source>
        <translation>{name} ist ein Pier-Konto, das Vorrang vor dem Verzeichnis hat: Das Verzeichnis wird zu diesem Namen nicht gefragt.</translation>
    </message>
    <message>
        <source>The directory cannot be asked: {error}.</source>
        <translation>Das Verzeichnis kann nicht gefragt werden: {error}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{name} cannot log in: {reason} (groups: {groups}).</source>
        <translation>{name} kann sich nicht anmelden: {reason} (Gruppen: {groups}).</translation>
    </message>
    <message>
        <source>{name} may log in: {rights} (groups: {groups}).</source>
        <translation>{name} darf sich anmelden: {rights} (Gruppen: {groups}).</translation>
    </message>
    <message>
        <source>download</source>
        <translation>herunterladen</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>hochladen</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ändern</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>{rights} in {folders}</source>
        <translation>{rights} in {folders}</translation>
    </message>
    <message>
        <source>{rights} in the whole share</source>
        <translation>{rights} in der ganzen Freigabe</translation>
    </message>
    <message>
        <source>Cannot read the CA file {path}: {error}.</source>
        <translation>Die CA-Datei {path} kann nicht gelesen werden: {error}.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory users log in with Basic only: Digest needs a password hash that Pier cannot have for them. While any Pier account has Digest turned on, browsers choose Digest and directory users cannot log in from them. Share over HTTPS: Basic sends the password with every request.</source>
        <translation>Verzeichnisbenutzer melden sich nur mit Basic an: Digest braucht einen Passwort-Hash, den Pier für sie nicht haben kann. Solange ein Pier-Konto Digest eingeschaltet hat, wählen Browser Digest, und Verzeichnisbenutzer können sich von ihnen aus nicht anmelden. Geben Sie über HTTPS frei: Basic sendet das Passwort mit jeder Anfrage.</translation>
    </message>
    <message>
        <source>One group (its cn) per line: GROUP=read, upload, modify or admin, and :/FOLDER to limit it to a folder. In several groups, the highest level wins (with its folders); in none, the login is refused. A Pier account of the same name wins.</source>
        <translation>Eine Gruppe (ihr cn) pro Zeile: GRUPPE=read, upload, modify oder admin, und :/ORDNER, um sie auf einen Ordner zu beschränken. In mehreren Gruppen gilt die höchste Stufe (mit ihren Ordnern); in keiner wird die Anmeldung abgelehnt. Ein Pier-Konto gleichen Namens hat Vorrang.</translation>
    </message>
    <message>
        <source>GROUP=read|upload|modify|admin[:/FOLDER], one per line; the highest level wins.</source>
        <translation>GRUPPE=read|upload|modify|admin[:/ORDNER], eine pro Zeile; die höchste Stufe gilt.</translation>
    </message>
    <message>
        <source>Directory logins are off.</source>
        <translation>Verzeichnisanmeldungen sind ausgeschaltet.</translation>
    </message>
    <message>
        <source>Directory logins are on. Shares started from now on use these settings.</source>
        <translation>Verzeichnisanmeldungen sind eingeschaltet. Ab jetzt gestartete Freigaben verwenden diese Einstellungen.</translation>
    </message>
    <message>
        <source>The directory&apos;s CA certificate</source>
        <translation>CA-Zertifikat des Verzeichnisses</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Directory result</source>
        <translation>Ergebnis des Verzeichnisses</translation>
    </message>
    <message>
        <source>Directory address</source>
        <translation>Adresse des Verzeichnisses</translation>
    </message>
    <message>
        <source>Use StartTLS (with an ldap:// address)</source>
        <translation>StartTLS verwenden (mit einer ldap://-Adresse)</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>StartTLS verwenden</translation>
    </message>
    <message>
        <source>Base DN</source>
        <translation>Basis-DN</translation>
    </message>
    <message>
        <source>empty: search anonymously</source>
        <translation>leer: anonym suchen</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>Bind-DN</translation>
    </message>
    <message>
        <source>the bind DN&apos;s password</source>
        <translation>das Passwort des Bind-DN</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>Bind-Passwort</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Benutzerfilter</translation>
    </message>
    <message>
        <source>Active Directory: {filter}</source>
        <translation>Active Directory: {filter}</translation>
    </message>
    <message>
        <source>Group filter</source>
        <translation>Gruppenfilter</translation>
    </message>
    <message>
        <source>Active Directory: memberOf (the user&apos;s attribute)</source>
        <translation>Active Directory: memberOf (das Attribut des Benutzers)</translation>
    </message>
    <message>
        <source>Group map</source>
        <translation>Gruppenzuordnung</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>die vertrauenswürdigen CAs des Systems</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose the directory&apos;s CA file</source>
        <translation>CA-Datei des Verzeichnisses auswählen</translation>
    </message>
    <message>
        <source>Forget the saved CA</source>
        <translation>Gespeicherte CA vergessen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Base DN:</source>
        <translation>Basis-DN:</translation>
    </message>
    <message>
        <source>Bind DN:</source>
        <translation>Bind-DN:</translation>
    </message>
    <message>
        <source>Bind password:</source>
        <translation>Bind-Passwort:</translation>
    </message>
    <message>
        <source>User filter:</source>
        <translation>Benutzerfilter:</translation>
    </message>
    <message>
        <source>Group filter:</source>
        <translation>Gruppenfilter:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>Verzeichniseinstellungen speichern</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Turn directory logins off</source>
        <translation>Verzeichnisanmeldungen ausschalten</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>User name to test</source>
        <translation>Zu testender Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password to test</source>
        <translation>Zu testendes Passwort</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test a directory login</source>
        <translation>Eine Verzeichnisanmeldung testen</translation>
    </message>
    <message>
        <source>Test a login:</source>
        <translation>Anmeldung testen:</translation>
    </message>
    <message>
        <source>The saved settings cannot be used: {error}</source>
        <translation>Die gespeicherten Einstellungen können nicht verwendet werden: {error}</translation>
    </message>
    <message>
        <source>Saved. Stop and start the share to use them now.</source>
        <translation>Gespeichert. Beenden Sie die Freigabe und starten Sie sie neu, um sie jetzt zu verwenden.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Directory logins turned off for shares started from now on.</source>
        <translation>Verzeichnisanmeldungen sind für ab jetzt gestartete Freigaben ausgeschaltet.</translation>
    </message>
    <message>
        <source>Not turned off: {error}</source>
        <translation>Nicht ausgeschaltet: {error}</translation>
    </message>
    <message>
        <source>Type a user name and a password to test.</source>
        <translation>Geben Sie zum Testen einen Benutzernamen und ein Passwort ein.</translation>
    </message>
    <message>
        <source>These settings cannot be used: {error}</source>
        <translation>Diese Einstellungen können nicht verwendet werden: {error}</translation>
    </message>
    <message>
        <source>saved (type to change)</source>
        <translation>gespeichert (zum Ändern eintippen)</translation>
    </message>
    <message>
        <source>the saved CA (choose a file to replace it)</source>
        <translation>die gespeicherte CA (zum Ersetzen eine Datei auswählen)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Same network: the phone must be on the same Wi-Fi as this computer (or on a Wi-Fi of the same router), not on a neighbour&apos;s or a hotspot.</source>
        <translation>Dasselbe Netzwerk: Das Telefon muss im selben WLAN wie dieser Computer sein (oder in einem WLAN desselben Routers), nicht in dem eines Nachbarn oder einem Hotspot.</translation>
    </message>
    <message>
        <source>Guest Wi-Fi: guest networks, hotel, school and office Wi-Fi often keep devices apart (“client isolation”, “AP isolation”): each device reaches the internet but not the others. Use the main network, or turn isolation off in the router&apos;s Wi-Fi settings.</source>
        <translation>Gäste-WLAN: Gästenetze sowie WLANs in Hotels, Schulen und Büros trennen Geräte oft voneinander („Client-Isolation“, „AP-Isolation“): Jedes Gerät erreicht das Internet, aber nicht die anderen. Verwenden Sie das Hauptnetz oder schalten Sie die Isolation in den WLAN-Einstellungen des Routers aus.</translation>
    </message>
    <message>
        <source>Mobile data: turn it off on the phone for the test; some phones send requests over mobile data when they think the Wi-Fi has no internet.</source>
        <translation>Mobile Daten: Schalten Sie sie für den Test auf dem Telefon aus; manche Telefone senden Anfragen über mobile Daten, wenn sie meinen, das WLAN habe kein Internet.</translation>
    </message>
    <message>
        <source>VPN: a VPN on the phone or on this computer can route the address elsewhere; pause it.</source>
        <translation>VPN: Ein VPN auf dem Telefon oder auf diesem Computer kann die Adresse woandershin leiten; halten Sie es an.</translation>
    </message>
    <message>
        <source>The address: type it exactly as shown, with http:// or https:// as shown and the port after the colon.</source>
        <translation>Die Adresse: Geben Sie sie genau wie angezeigt ein, mit http:// oder https:// wie angezeigt und dem Port nach dem Doppelpunkt.</translation>
    </message>
    <message>
        <source>VPN ({interface}): a phone cannot use it</source>
        <translation>VPN ({interface}): Ein Telefon kann sie nicht verwenden</translation>
    </message>
    <message>
        <source>containers ({interface}): a phone cannot use it</source>
        <translation>Container ({interface}): Ein Telefon kann sie nicht verwenden</translation>
    </message>
    <message>
        <source>virtual machine ({interface}): a phone cannot use it</source>
        <translation>virtuelle Maschine ({interface}): Ein Telefon kann sie nicht verwenden</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>nur dieser Computer</translation>
    </message>
    <message>
        <source>network {interface}</source>
        <translation>Netzwerk {interface}</translation>
    </message>
    <message>
        <source>name of this computer</source>
        <translation>Name dieses Computers</translation>
    </message>
    <message>
        <source>The share is for this computer only</source>
        <translation>Die Freigabe gilt nur für diesen Computer</translation>
    </message>
    <message>
        <source>It listens on this computer&apos;s own address (127.0.0.1), which no phone can reach. Let the devices on your network in: the share restarts on the local network.</source>
        <translation>Sie lauscht auf der eigenen Adresse dieses Computers (127.0.0.1), die kein Telefon erreichen kann. Lassen Sie die Geräte in Ihrem Netzwerk zu: Die Freigabe startet dann im lokalen Netzwerk neu.</translation>
    </message>
    <message>
        <source>The share is open to the local network</source>
        <translation>Die Freigabe ist für das lokale Netzwerk offen</translation>
    </message>
    <message>
        <source>It listens on every network of this computer.</source>
        <translation>Sie lauscht in allen Netzwerken dieses Computers.</translation>
    </message>
    <message>
        <source>No address for a phone yet</source>
        <translation>Noch keine Adresse für ein Telefon</translation>
    </message>
    <message>
        <source>Once devices on the network are let in, their addresses show here.</source>
        <translation>Sobald Geräte im Netzwerk zugelassen sind, erscheinen ihre Adressen hier.</translation>
    </message>
    <message>
        <source>Not these, which lead to a VPN, containers or a virtual machine: {addresses}.</source>
        <translation>Nicht diese, die zu einem VPN, zu Containern oder zu einer virtuellen Maschine führen: {addresses}.</translation>
    </message>
    <message>
        <source>No address on an ordinary network</source>
        <translation>Keine Adresse in einem gewöhnlichen Netzwerk</translation>
    </message>
    <message>
        <source>This computer seems connected to no Wi-Fi or wired network, only to virtual ones.</source>
        <translation>Dieser Computer scheint mit keinem WLAN und keinem kabelgebundenen Netzwerk verbunden zu sein, nur mit virtuellen.</translation>
    </message>
    <message>
        <source>Open {address} on the phone</source>
        <translation>Öffnen Sie {address} auf dem Telefon</translation>
    </message>
    <message>
        <source>Use an address of the network the phone is on.</source>
        <translation>Verwenden Sie eine Adresse des Netzwerks, in dem das Telefon ist.</translation>
    </message>
    <message>
        <source>No firewall found</source>
        <translation>Keine Firewall gefunden</translation>
    </message>
    <message>
        <source>Neither firewalld nor ufw is running.</source>
        <translation>Weder firewalld noch ufw läuft.</translation>
    </message>
    <message>
        <source>The firewall ({tool}) is on and may block port {port}</source>
        <translation>Die Firewall ({tool}) ist eingeschaltet und blockiert womöglich Port {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) blocks port {port}</source>
        <translation>Die Firewall ({tool}) blockiert Port {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) lets port {port} in</source>
        <translation>Die Firewall ({tool}) lässt Port {port} durch</translation>
    </message>
    <message>
        <source>No active firewall found</source>
        <translation>Keine aktive Firewall gefunden</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether a firewall blocks the port</source>
        <translation>Pier kann nicht feststellen, ob eine Firewall den Port blockiert</translation>
    </message>
    <message>
        <source>Windows Defender Firewall may block the port</source>
        <translation>Die Windows Defender Firewall blockiert womöglich den Port</translation>
    </message>
    <message>
        <source>When Windows asked whether to let Pier (or Python) talk on networks, “Private networks” must be allowed, and the Wi-Fi must be set to Private. Or let the port in from an administrator&apos;s command prompt:</source>
        <translation>Als Windows fragte, ob Pier (oder Python) in Netzwerken kommunizieren darf, müssen „Private Netzwerke“ erlaubt sein, und das WLAN muss auf „Privat“ stehen. Oder lassen Sie den Port über eine Eingabeaufforderung als Administrator zu:</translation>
    </message>
    <message>
        <source>In System Settings → Network → Firewall → Options, set Pier (or Python) to “Allow incoming connections”.</source>
        <translation>Stellen Sie in Systemeinstellungen → Netzwerk → Firewall → Optionen Pier (oder Python) auf „Eingehende Verbindungen erlauben“.</translation>
    </message>
    <message>
        <source>The macOS firewall is off</source>
        <translation>Die macOS-Firewall ist ausgeschaltet</translation>
    </message>
    <message>
        <source>It blocks nothing.</source>
        <translation>Sie blockiert nichts.</translation>
    </message>
    <message>
        <source>The macOS firewall is on</source>
        <translation>Die macOS-Firewall ist eingeschaltet</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether the macOS firewall is on</source>
        <translation>Pier kann nicht feststellen, ob die macOS-Firewall eingeschaltet ist</translation>
    </message>
    <message>
        <source>firewalld is not fully running (state {state}).</source>
        <translation>firewalld läuft nicht vollständig (Zustand {state}).</translation>
    </message>
    <message>
        <source>firewalld is running, but Pier could not read its zones: {problem}</source>
        <translation>firewalld läuft, aber Pier konnte seine Zonen nicht lesen: {problem}</translation>
    </message>
    <message>
        <source>firewalld is running and zone {zones} lets port {port}/tcp in.</source>
        <translation>firewalld läuft und Zone {zones} lässt Port {port}/tcp durch.</translation>
    </message>
    <message>
        <source>firewalld is running and port {port}/tcp is not open in zone “{zone}”, the zone of the network phones use: it blocks them (unless a service opened for that zone happens to use the same port).</source>
        <translation>firewalld läuft und Port {port}/tcp ist in der Zone „{zone}“ nicht offen, der Zone des Netzwerks, das Telefone nutzen: Sie blockiert sie (es sei denn, ein für diese Zone geöffneter Dienst nutzt zufällig denselben Port).</translation>
    </message>
    <message>
        <source>Pier found neither firewalld nor ufw, and the kernel&apos;s own rules (nftables, iptables) are readable only by root, so it cannot tell whether a firewall blocks the port.</source>
        <translation>Pier hat weder firewalld noch ufw gefunden, und die eigenen Regeln des Kernels (nftables, iptables) kann nur root lesen; daher lässt sich nicht feststellen, ob eine Firewall den Port blockiert.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic, but lets some addresses in on every port: Pier cannot tell whether the phone is one of them. To let port {port}/tcp in for everyone:</source>
        <translation>{tool} verwirft eingehenden Verkehr, lässt aber manche Adressen auf allen Ports durch: Pier kann nicht feststellen, ob das Telefon dazugehört. Um Port {port}/tcp für alle zuzulassen:</translation>
    </message>
    <message>
        <source>{tool} has no rule that drops incoming traffic.</source>
        <translation>{tool} hat keine Regel, die eingehenden Verkehr verwirft.</translation>
    </message>
    <message>
        <source>{tool} has a rule that lets port {port}/tcp in.</source>
        <translation>{tool} hat eine Regel, die Port {port}/tcp durchlässt.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic and no rule lets port {port}/tcp in: phones and other computers are blocked.</source>
        <translation>{tool} verwirft eingehenden Verkehr und keine Regel lässt Port {port}/tcp durch: Telefone und andere Computer sind blockiert.</translation>
    </message>
    <message>
        <source>ufw is installed but not enabled.</source>
        <translation>ufw ist installiert, aber nicht aktiviert.</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from ufw status).</source>
        <translation>ufw ist eingeschaltet und lässt Port {port}/tcp durch (gelesen aus ufw status).</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from its rules).</source>
        <translation>ufw ist eingeschaltet und lässt Port {port}/tcp durch (gelesen aus seinen Regeln).</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from ufw status): it blocks phones and other computers.</source>
        <translation>ufw ist eingeschaltet und keine Regel lässt Port {port}/tcp durch (gelesen aus ufw status): Es blockiert Telefone und andere Computer.</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from its rules): it blocks phones and other computers.</source>
        <translation>ufw ist eingeschaltet und keine Regel lässt Port {port}/tcp durch (gelesen aus seinen Regeln): Es blockiert Telefone und andere Computer.</translation>
    </message>
    <message>
        <source>ufw is enabled, but its rules are readable only by root, so Pier cannot tell whether port {port}/tcp is let in.</source>
        <translation>ufw ist aktiviert, aber seine Regeln kann nur root lesen; daher kann Pier nicht feststellen, ob Port {port}/tcp durchgelassen wird.</translation>
    </message>
    <message>
        <source>Type the network&apos;s name (SSID).</source>
        <translation>Geben Sie den Namen des Netzwerks (SSID) ein.</translation>
    </message>
    <message>
        <source>A network name has at most 32 bytes.</source>
        <translation>Ein Netzwerkname hat höchstens 32 Byte.</translation>
    </message>
    <message>
        <source>Unknown security {security}.</source>
        <translation>Unbekannte Sicherheit {security}.</translation>
    </message>
    <message>
        <source>Type the network&apos;s password.</source>
        <translation>Geben Sie das Passwort des Netzwerks ein.</translation>
    </message>
    <message>
        <source>A WPA password has 8 to 63 characters.</source>
        <translation>Ein WPA-Passwort hat 8 bis 63 Zeichen.</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Phone can&apos;t connect? — Pier</source>
        <translation>Telefon verbindet sich nicht? — Pier</translation>
    </message>
    <message>
        <source>Start sharing first: then open this again to test the connection from your phone.</source>
        <translation>Starten Sie zuerst die Freigabe; öffnen Sie dies dann erneut, um die Verbindung vom Telefon aus zu testen.</translation>
    </message>
    <message>
        <source>Test it now</source>
        <translation>Jetzt testen</translation>
    </message>
    <message>
        <source>Open this address on the phone now (or scan the code). Pier watches for a minute for a request from another device.</source>
        <translation>Öffnen Sie diese Adresse jetzt auf dem Telefon (oder scannen Sie den Code). Pier wartet eine Minute lang auf eine Anfrage von einem anderen Gerät.</translation>
    </message>
    <message>
        <source>QR code of the address to open</source>
        <translation>QR-Code der zu öffnenden Adresse</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>Erneut warten</translation>
    </message>
    <message>
        <source>Watch for a request from the phone for another minute</source>
        <translation>Eine weitere Minute auf eine Anfrage vom Telefon warten</translation>
    </message>
    <message>
        <source>If the phone cannot open it:</source>
        <translation>Wenn das Telefon sie nicht öffnen kann:</translation>
    </message>
    <message>
        <source>What Pier found on this computer</source>
        <translation>Was Pier auf diesem Computer gefunden hat</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>The checks failed; see Pier&apos;s log.</source>
        <translation>Die Prüfungen sind fehlgeschlagen; siehe das Protokoll von Pier.</translation>
    </message>
    <message>
        <source>There is no address a phone could open yet.</source>
        <translation>Es gibt noch keine Adresse, die ein Telefon öffnen könnte.</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Geräte in meinem Netzwerk zulassen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Command to type</source>
        <translation>Einzugebender Befehl</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Den Befehl kopieren</translation>
    </message>
    <message>
        <source>✔ A request arrived from another device ({client}): the phone reaches Pier. If the page still does not show, it may be waiting for a password or the certificate.</source>
        <translation>✔ Eine Anfrage von einem anderen Gerät ist angekommen ({client}): Das Telefon erreicht Pier. Wenn die Seite trotzdem nicht erscheint, wartet sie vielleicht auf ein Passwort oder das Zertifikat.</translation>
    </message>
    <message>
        <source>✖ No request from another device arrived in the last minute. The phone did not reach Pier.</source>
        <translation>✖ In der letzten Minute ist keine Anfrage von einem anderen Gerät angekommen. Das Telefon hat Pier nicht erreicht.</translation>
    </message>
    <message>
        <source>Waiting for a request from another device… {seconds} s left</source>
        <translation>Warten auf eine Anfrage von einem anderen Gerät… noch {seconds} s</translation>
    </message>
</context>
<context>
    <name>DriveAddresses</name>
    <message>
        <source>Pier&apos;s certificate authority is saved by Certificate… &gt; Export CA certificate…, or downloaded from /.well-known/pier/ca.crt on the share.</source>
        <translation>Die Zertifizierungsstelle von Pier wird mit Zertifikat… &gt; CA-Zertifikat exportieren… gespeichert oder in der Freigabe unter /.well-known/pier/ca.crt heruntergeladen.</translation>
    </message>
    <message>
        <source>Windows refuses files over 50 MB by default: raise FileSizeLimitInBytes under HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (at most 4294967295) and restart the WebClient service.</source>
        <translation>Windows lehnt Dateien über 50 MB standardmäßig ab: Erhöhen Sie FileSizeLimitInBytes unter HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (höchstens 4294967295) und starten Sie den Dienst WebClient neu.</translation>
    </message>
    <message>
        <source>Windows checks the certificate: first add Pier&apos;s certificate authority to “Trusted Root Certification Authorities” of the Local Computer (double-click the file, Install Certificate…).</source>
        <translation>Windows prüft das Zertifikat: Fügen Sie zuerst die Zertifizierungsstelle von Pier zu den „Vertrauenswürdigen Stammzertifizierungsstellen“ des lokalen Computers hinzu (Datei doppelklicken, Zertifikat installieren…).</translation>
    </message>
    <message>
        <source>IPv6 addresses are not offered for Windows: use an IPv4 address or the computer&apos;s name.</source>
        <translation>Für Windows werden keine IPv6-Adressen angeboten: Verwenden Sie eine IPv4-Adresse oder den Namen des Computers.</translation>
    </message>
    <message>
        <source>The WebClient service does the work; it starts by itself unless it was turned off (services.msc).</source>
        <translation>Der Dienst WebClient erledigt die Arbeit; er startet von selbst, sofern er nicht deaktiviert wurde (services.msc).</translation>
    </message>
    <message>
        <source>the web address</source>
        <translation>die Webadresse</translation>
    </message>
    <message>
        <source>Paste the address into File Explorer&apos;s address bar, or choose This PC &gt; Map network drive and use it as the Folder ({web} works there too).</source>
        <translation>Fügen Sie die Adresse in die Adressleiste des Datei-Explorers ein, oder wählen Sie Dieser PC &gt; Netzlaufwerk verbinden und verwenden Sie sie als Ordner ({web} funktioniert dort auch).</translation>
    </message>
    <message>
        <source>Windows asks for the account&apos;s name and password (sent with Basic, encrypted by HTTPS).</source>
        <translation>Windows fragt nach Name und Passwort des Kontos (mit Basic gesendet, durch HTTPS verschlüsselt).</translation>
    </message>
    <message>
        <source> Visitors without an account can still look.</source>
        <translation> Besucher ohne Konto können trotzdem ansehen.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic; it logs in with Digest (MD5), which only accounts with “Also MD5, for old clients” (Users… &gt; Advanced) can use. HTTPS avoids this.</source>
        <translation>Über einfaches HTTP sendet Windows kein Passwort mit Basic; es meldet sich mit Digest (MD5) an, das nur Konten mit „Auch MD5, für alte Clients“ (Benutzer… &gt; Erweitert) verwenden können. HTTPS vermeidet das.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic, and no account has Digest with MD5, the Digest Windows speaks: turn HTTPS on, or allow Digest with MD5 for the account (Users… &gt; Advanced, then set its password again).</source>
        <translation>Über einfaches HTTP sendet Windows kein Passwort mit Basic, und kein Konto hat Digest mit MD5, das Digest, das Windows spricht: Schalten Sie HTTPS ein, oder erlauben Sie Digest mit MD5 für das Konto (Benutzer… &gt; Erweitert, dann sein Passwort neu setzen).</translation>
    </message>
    <message>
        <source>First trust Pier&apos;s certificate authority: open the file, add it to the System keychain and set it to “Always Trust” in Keychain Access.</source>
        <translation>Vertrauen Sie zuerst der Zertifizierungsstelle von Pier: Öffnen Sie die Datei, fügen Sie sie zum Schlüsselbund „System“ hinzu und stellen Sie sie in der Schlüsselbundverwaltung auf „Immer vertrauen“.</translation>
    </message>
    <message>
        <source>Choose “Registered User” and type the account&apos;s name and password.</source>
        <translation>Wählen Sie „Registrierter Benutzer“ und geben Sie Name und Passwort des Kontos ein.</translation>
    </message>
    <message>
        <source>In Finder choose Go &gt; Connect to Server… (⌘K), type the address and click Connect.</source>
        <translation>Wählen Sie im Finder Gehe zu &gt; Mit Server verbinden… (⌘K), geben Sie die Adresse ein und klicken Sie auf Verbinden.</translation>
    </message>
    <message>
        <source>Files asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority; compare its fingerprint with the one Pier&apos;s Certificate… window shows.</source>
        <translation>Dateien fragt, ob es dem Zertifikat von Pier vertrauen soll, sofern das System der Zertifizierungsstelle von Pier nicht vertraut; vergleichen Sie den Fingerabdruck mit dem, den das Fenster Zertifikat… von Pier zeigt.</translation>
    </message>
    <message>
        <source>Files asks for the account&apos;s name and password.</source>
        <translation>Dateien fragt nach Name und Passwort des Kontos.</translation>
    </message>
    <message>
        <source>From a terminal: gio mount followed by the address.</source>
        <translation>Im Terminal: gio mount, gefolgt von der Adresse.</translation>
    </message>
    <message>
        <source>GNOME Files</source>
        <translation>GNOME Dateien</translation>
    </message>
    <message>
        <source>In Files choose Other Locations, type the address in “Connect to Server” at the bottom and click Connect.</source>
        <translation>Wählen Sie in Dateien „Andere Orte“, geben Sie die Adresse unten bei „Mit Server verbinden“ ein und klicken Sie auf Verbinden.</translation>
    </message>
    <message>
        <source>Dolphin asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority.</source>
        <translation>Dolphin fragt, ob es dem Zertifikat von Pier vertrauen soll, sofern das System der Zertifizierungsstelle von Pier nicht vertraut.</translation>
    </message>
    <message>
        <source>Dolphin asks for the account&apos;s name and password.</source>
        <translation>Dolphin fragt nach Name und Passwort des Kontos.</translation>
    </message>
    <message>
        <source>KDE Dolphin</source>
        <translation>KDE Dolphin</translation>
    </message>
    <message>
        <source>In Dolphin press Ctrl+L, type the address and press Enter (Network &gt; Add Network Folder keeps it).</source>
        <translation>Drücken Sie in Dolphin Strg+L, geben Sie die Adresse ein und drücken Sie die Eingabetaste (Netzwerk &gt; Netzwerkordner hinzufügen behält sie).</translation>
    </message>
    <message>
        <source>Put the account&apos;s name for {account}, then store its password with “rclone config password {remote} pass PASSWORD” (rclone keeps it obscured).</source>
        <translation>Setzen Sie den Namen des Kontos für {account} ein und speichern Sie dann sein Passwort mit „rclone config password {remote} pass PASSWORD“ (rclone speichert es verschleiert).</translation>
    </message>
    <message>
        <source>Add --ca-cert {file} (Pier&apos;s certificate authority, PEM) to every rclone command.</source>
        <translation>Fügen Sie jedem rclone-Befehl --ca-cert {file} hinzu (die Zertifizierungsstelle von Pier, PEM).</translation>
    </message>
    <message>
        <source>Then: rclone ls {remote}:, rclone copy {remote}:FOLDER ., or rclone mount {remote}: ~/Pier.</source>
        <translation>Danach: rclone ls {remote}:, rclone copy {remote}:FOLDER . oder rclone mount {remote}: ~/Pier.</translation>
    </message>
    <message>
        <source>Run this once to make the remote “{remote}”:</source>
        <translation>Führen Sie dies einmal aus, um das Remote „{remote}“ anzulegen:</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: type the account&apos;s.</source>
        <translation>davfs2 fragt nach Benutzername und Passwort: Geben Sie die des Kontos ein.</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: press Enter at both.</source>
        <translation>davfs2 fragt nach Benutzername und Passwort: Drücken Sie bei beiden die Eingabetaste.</translation>
    </message>
    <message>
        <source>Trust Pier&apos;s certificate authority (PEM): add “trust_ca_cert /path/to/{file}” to /etc/davfs2/davfs2.conf.</source>
        <translation>Vertrauen Sie der Zertifizierungsstelle von Pier (PEM): Fügen Sie „trust_ca_cert /path/to/{file}“ in /etc/davfs2/davfs2.conf hinzu.</translation>
    </message>
    <message>
        <source>Changes reach the share when a file is closed (davfs2 keeps a cache); sudo umount {folder} when done.</source>
        <translation>Änderungen erreichen die Freigabe, wenn eine Datei geschlossen wird (davfs2 nutzt einen Zwischenspeicher); sudo umount {folder}, wenn Sie fertig sind.</translation>
    </message>
    <message>
        <source>Folders look empty or “ls” says “Invalid argument”? davfs2 before 1.7.2 on Linux 6.16 or later needs “buf_size 132” in /etc/davfs2/davfs2.conf.</source>
        <translation>Ordner wirken leer oder „ls“ meldet „Invalid argument“? davfs2 vor 1.7.2 braucht unter Linux 6.16 oder neuer „buf_size 132“ in /etc/davfs2/davfs2.conf.</translation>
    </message>
    <message>
        <source>Linux (davfs2)</source>
        <translation>Linux (davfs2)</translation>
    </message>
    <message>
        <source>Install davfs2 (apt install davfs2), make the folder {folder}, then run:</source>
        <translation>Installieren Sie davfs2 (apt install davfs2), legen Sie den Ordner {folder} an und führen Sie dann aus:</translation>
    </message>
</context>
<context>
    <name>ErrorPagesBox</name>
    <message>
        <source>Choose the error pages folder</source>
        <translation>Ordner für Fehlerseiten wählen</translation>
    </message>
    <message>
        <source>None: Pier&apos;s own pages</source>
        <translation>Keiner: Piers eigene Seiten</translation>
    </message>
    <message>
        <source>Error pages folder</source>
        <translation>Ordner für Fehlerseiten</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own error pages</source>
        <translation>Piers eigene Fehlerseiten verwenden</translation>
    </message>
    <message>
        <source>Error pages folder:</source>
        <translation>Ordner für Fehlerseiten:</translation>
    </message>
    <message>
        <source>Browsers get 404.html, 403.html, 401.html, 500.html… from this folder instead of Pier&apos;s own pages (404.de.html for one language). {status}, {reason} and {path} are filled in. Keep it outside a share that accepts uploads.</source>
        <translation>Browser erhalten 404.html, 403.html, 401.html, 500.html… aus diesem Ordner statt Piers eigener Seiten (404.de.html für eine Sprache). {status}, {reason} und {path} werden eingesetzt. Halten Sie ihn außerhalb einer Freigabe, die Uploads annimmt.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>{problem}

Pier keeps running; please report this if it repeats.</source>
        <translation>{problem}

Pier läuft weiter; bitte melden Sie das, wenn es wieder auftritt.</translation>
    </message>
    <message>
        <source>

Details were written to {file}.</source>
        <translation>

Details wurden in {file} geschrieben.</translation>
    </message>
    <message>
        <source>Pier hit an unexpected problem</source>
        <translation>Pier ist auf ein unerwartetes Problem gestoßen</translation>
    </message>
</context>
<context>
    <name>FirstRunQuestion</name>
    <message>
        <source>Who should be able to open this?</source>
        <translation>Wer soll das öffnen können?</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Only browsers on this computer can open the share</source>
        <translation>Nur Browser auf diesem Computer können die Freigabe öffnen</translation>
    </message>
    <message>
        <source>Devices on my network</source>
        <translation>Geräte in meinem Netzwerk</translation>
    </message>
    <message>
        <source>Phones, tablets and computers on the same Wi-Fi or network can open the share</source>
        <translation>Telefone, Tablets und Computer im selben WLAN oder Netzwerk können die Freigabe öffnen</translation>
    </message>
    <message>
        <source>Pier asks once. Change it any time under “Who can connect”.</source>
        <translation>Pier fragt nur einmal. Sie können es jederzeit unter „Wer darf verbinden“ ändern.</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Make a new certificate</source>
        <translation>Neues Zertifikat erstellen</translation>
    </message>
    <message>
        <source>Pier makes a certificate for this computer&apos;s names and addresses, signed by its own local authority (CA). Devices that trust the CA keep trusting new certificates.</source>
        <translation>Pier erstellt ein Zertifikat für die Namen und Adressen dieses Computers, signiert von seiner eigenen lokalen Zertifizierungsstelle (CA). Geräte, die der CA vertrauen, vertrauen auch neuen Zertifikaten weiterhin.</translation>
    </message>
    <message>
        <source>e.g. nas.home.arpa, 192.168.1.50</source>
        <translation>z. B. nas.home.arpa, 192.168.1.50</translation>
    </message>
    <message>
        <source>Extra names</source>
        <translation>Zusätzliche Namen</translation>
    </message>
    <message>
        <source>Extra names:</source>
        <translation>Zusätzliche Namen:</translation>
    </message>
    <message>
        <source>Use RSA keys instead of ECDSA (for very old devices)</source>
        <translation>RSA-Schlüssel statt ECDSA verwenden (für sehr alte Geräte)</translation>
    </message>
    <message>
        <source>One self-signed certificate, without a CA</source>
        <translation>Ein selbstsigniertes Zertifikat, ohne CA</translation>
    </message>
    <message>
        <source>Also make a new CA (devices must trust Pier again)</source>
        <translation>Auch eine neue CA erstellen (Geräte müssen Pier erneut vertrauen)</translation>
    </message>
    <message>
        <source>Make certificate</source>
        <translation>Zertifikat erstellen</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Used from the next start of Pier</source>
        <translation>Gilt ab dem nächsten Start von Pier</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Pier will use {language} the next time it starts.</source>
        <translation>Pier verwendet {language} ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>Names other devices use to reach this share, such as pc.fritz.box or a VPN name. Requests for any other name are refused (protects against DNS rebinding).</source>
        <translation>Namen, mit denen andere Geräte diese Freigabe erreichen, etwa pc.fritz.box oder ein VPN-Name. Anfragen für jeden anderen Namen werden abgewiesen (schützt vor DNS-Rebinding).</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Wer verbinden darf</translation>
    </message>
    <message>
        <source>Finding the share</source>
        <translation>Die Freigabe finden</translation>
    </message>
    <message>
        <source>Error pages</source>
        <translation>Fehlerseiten</translation>
    </message>
    <message>
        <source>Total download speed</source>
        <translation>Download-Geschwindigkeit insgesamt</translation>
    </message>
    <message>
        <source>Download speed per device</source>
        <translation>Download-Geschwindigkeit pro Gerät</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Downloads at once per device</source>
        <translation>Gleichzeitige Downloads pro Gerät</translation>
    </message>
    <message>
        <source>Total download speed:</source>
        <translation>Download-Geschwindigkeit insgesamt:</translation>
    </message>
    <message>
        <source>Per device:</source>
        <translation>Pro Gerät:</translation>
    </message>
    <message>
        <source>Large downloads at once per device:</source>
        <translation>Gleichzeitige große Downloads pro Gerät:</translation>
    </message>
    <message>
        <source>Applies at once, also to downloads already running. Small files and pages are never held back by the per-device download count.</source>
        <translation>Gilt sofort, auch für bereits laufende Downloads. Kleine Dateien und Seiten werden nie durch die Download-Anzahl pro Gerät zurückgehalten.</translation>
    </message>
    <message>
        <source>Only allow these addresses and networks</source>
        <translation>Nur diese Adressen und Netzwerke zulassen</translation>
    </message>
    <message>
        <source>Only allow listed addresses</source>
        <translation>Nur aufgeführte Adressen zulassen</translation>
    </message>
    <message>
        <source>Everyone else is refused when connecting</source>
        <translation>Alle anderen werden beim Verbinden abgewiesen</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24, 10.0.0.7, ::1</source>
        <translation>z. B. 192.168.1.0/24, 10.0.0.7, ::1</translation>
    </message>
    <message>
        <source>Allowed addresses and networks</source>
        <translation>Zugelassene Adressen und Netzwerke</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Apply the allow-list</source>
        <translation>Die Zulassungsliste anwenden</translation>
    </message>
    <message>
        <source>e.g. pc.fritz.box, laptop.vpn</source>
        <translation>z. B. pc.fritz.box, laptop.vpn</translation>
    </message>
    <message>
        <source>Other names for this computer</source>
        <translation>Weitere Namen für diesen Computer</translation>
    </message>
    <message>
        <source>Separate names with commas or spaces. Exact names only: no wildcards, scheme or port.</source>
        <translation>Trennen Sie Namen mit Kommas oder Leerzeichen. Nur exakte Namen: keine Platzhalter, kein Schema, kein Port.</translation>
    </message>
    <message>
        <source>Other names for this computer:</source>
        <translation>Weitere Namen für diesen Computer:</translation>
    </message>
    <message>
        <source>Announce on the local network (mDNS)</source>
        <translation>Im lokalen Netzwerk bekannt geben (mDNS)</translation>
    </message>
    <message>
        <source>Announce on the local network</source>
        <translation>Im lokalen Netzwerk bekannt geben</translation>
    </message>
    <message>
        <source>Phones and computers on the network can find the share by name (Bonjour / Avahi), without typing an address</source>
        <translation>Telefone und Computer im Netzwerk finden die Freigabe über ihren Namen (Bonjour / Avahi), ohne eine Adresse einzugeben</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer may connect.</source>
        <translation>Jeder, der diesen Computer erreichen kann, darf verbinden.</translation>
    </message>
    <message>
        <source>In force: only {addresses}.</source>
        <translation>In Kraft: nur {addresses}.</translation>
    </message>
    <message>
        <source>Press Apply (or Enter) to put the new list in force.</source>
        <translation>Drücken Sie auf Anwenden (oder die Eingabetaste), um die neue Liste in Kraft zu setzen.</translation>
    </message>
    <message>
        <source>{problem} Not saved.</source>
        <translation>{problem} Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Only the share&apos;s own names are accepted.</source>
        <translation>Nur die eigenen Namen der Freigabe werden akzeptiert.</translation>
    </message>
    <message>
        <source>Also accepted once you leave the field: {names}.</source>
        <translation>Ebenfalls akzeptiert, sobald Sie das Feld verlassen: {names}.</translation>
    </message>
    <message>
        <source>Also accepted from the next Start: {names}.</source>
        <translation>Ab dem nächsten Start ebenfalls akzeptiert: {names}.</translation>
    </message>
    <message>
        <source>Announced while sharing on the local network.</source>
        <translation>Wird bekannt gegeben, während im lokalen Netzwerk freigegeben wird.</translation>
    </message>
    <message>
        <source>Not announced: devices need the address or the QR code.</source>
        <translation>Nicht bekannt gegeben: Geräte brauchen die Adresse oder den QR-Code.</translation>
    </message>
    <message>
        <source>Not announced: the share is for this computer only.</source>
        <translation>Nicht bekannt gegeben: Die Freigabe ist nur für diesen Computer.</translation>
    </message>
    <message>
        <source>Announced as “{name}”: look for it in the Files or Network view.</source>
        <translation>Bekannt gegeben als „{name}“: Suchen Sie danach in der Dateien- oder Netzwerkansicht.</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>Wird bekannt gegeben…</translation>
    </message>
    <message>
        <source>The allow-list is empty, so nobody could connect. Add at least one address or network, e.g. 192.168.1.0/24.</source>
        <translation>Die Zulassungsliste ist leer, also könnte sich niemand verbinden. Fügen Sie mindestens eine Adresse oder ein Netzwerk hinzu, z. B. 192.168.1.0/24.</translation>
    </message>
</context>
<context>
    <name>LinkService</name>
    <message>
        <source>Choose the folder to share first.</source>
        <translation>Wählen Sie zuerst den Ordner zum Freigeben.</translation>
    </message>
    <message>
        <source>Choose a file or folder inside the share.</source>
        <translation>Wählen Sie eine Datei oder einen Ordner in der Freigabe.</translation>
    </message>
    <message>
        <source>{path} is not inside the shared folder {share}. A link can only give out something the share contains.</source>
        <translation>{path} liegt nicht im freigegebenen Ordner {share}. Ein Link kann nur etwas weitergeben, das die Freigabe enthält.</translation>
    </message>
    <message>
        <source>{path} holds Pier&apos;s own files (settings, accounts, keys): it cannot be linked.</source>
        <translation>{path} enthält Pier-eigene Dateien (Einstellungen, Konten, Schlüssel): Dafür kann kein Link erstellt werden.</translation>
    </message>
    <message>
        <source>Choose the date the link ends.</source>
        <translation>Wählen Sie das Datum, an dem der Link endet.</translation>
    </message>
    <message>
        <source>Only a folder link can take uploads.</source>
        <translation>Nur ein Ordnerlink kann Uploads annehmen.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{count} of {allowed}</source>
        <translation>{count} von {allowed}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>{who} at {time}</source>
        <translation>{who} um {time}</translation>
    </message>
    <message>
        <source>{who} on {date}</source>
        <translation>{who} am {date}</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>aufgebraucht</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>New link…</source>
        <translation>Neuer Link…</translation>
    </message>
    <message>
        <source>Make a link to one file or folder of the share (or drop it on the window)</source>
        <translation>Einen Link zu einer Datei oder einem Ordner der Freigabe erstellen (oder auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Address the links use</source>
        <translation>Adresse, die die Links verwenden</translation>
    </message>
    <message>
        <source>Share links</source>
        <translation>Freigabelinks</translation>
    </message>
    <message>
        <source>QR code of the selected link</source>
        <translation>QR-Code des ausgewählten Links</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s address</source>
        <translation>Die Adresse des ausgewählten Links kopieren</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke ends the link at once (downloads on it are cancelled); make a new link to give the item again</source>
        <translation>Widerrufen beendet den Link sofort (Downloads darüber werden abgebrochen); erstellen Sie einen neuen Link, um das Element erneut weiterzugeben</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Let PINs be tried again on this link (it was locked after 10 wrong PINs)</source>
        <translation>PINs auf diesem Link wieder zulassen (er wurde nach 10 falschen PINs gesperrt)</translation>
    </message>
    <message>
        <source>Choose a folder to share, then make links to what it holds.</source>
        <translation>Wählen Sie einen Ordner zum Freigeben und erstellen Sie dann Links zu seinem Inhalt.</translation>
    </message>
    <message>
        <source>Links can be made now; their addresses show once sharing has started.</source>
        <translation>Links können jetzt erstellt werden; ihre Adressen erscheinen, sobald die Freigabe gestartet ist.</translation>
    </message>
    <message>
        <source>Anyone with a link can open what it gives until it ends: send it to one person.</source>
        <translation>Wer einen Link hat, kann öffnen, was er freigibt, bis er endet: Schicken Sie ihn an eine Person.</translation>
    </message>
    <message>
        <source>(once sharing)</source>
        <translation>(sobald freigegeben wird)</translation>
    </message>
    <message>
        <source>Select a link to see its QR code.</source>
        <translation>Wählen Sie einen Link, um seinen QR-Code zu sehen.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>Uploads erlaubt</translation>
    </message>
    <message>
        <source>The address and QR code show once sharing has started.</source>
        <translation>Adresse und QR-Code erscheinen, sobald die Freigabe gestartet ist.</translation>
    </message>
    <message>
        <source>Only this computer can open this share: no QR code.</source>
        <translation>Nur dieser Computer kann diese Freigabe öffnen: kein QR-Code.</translation>
    </message>
    <message>
        <source>No folder to share</source>
        <translation>Kein Ordner zum Freigeben</translation>
    </message>
    <message>
        <source>Choose the folder to share first: a link gives out something it holds.</source>
        <translation>Wählen Sie zuerst den Ordner zum Freigeben: Ein Link gibt etwas daraus weiter.</translation>
    </message>
    <message>
        <source>Could not revoke the link</source>
        <translation>Der Link konnte nicht widerrufen werden</translation>
    </message>
    <message>
        <source>Could not unlock the link</source>
        <translation>Der Link konnte nicht entsperrt werden</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>Settings not changed: {problem}</source>
        <translation>Einstellungen nicht geändert: {problem}</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before at {address}.</source>
        <translation>Pier gibt weiterhin wie bisher unter {address} frei.</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before.</source>
        <translation>Pier gibt weiterhin wie bisher frei.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Add an account, then turn “Require login” on again.</source>
        <translation>Fügen Sie ein Konto hinzu und schalten Sie dann „Anmeldung verlangen“ wieder ein.</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Benutzer öffnen…</translation>
    </message>
    <message>
        <source>Could not change the share</source>
        <translation>Die Freigabe konnte nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>401: login needed, or a wrong name or password</source>
        <translation>401: Anmeldung nötig, oder falscher Name bzw. falsches Passwort</translation>
    </message>
    <message>
        <source>429: locked out for a while after too many wrong passwords</source>
        <translation>429: nach zu vielen falschen Passwörtern eine Weile gesperrt</translation>
    </message>
    <message>
        <source>{size} (cut short)</source>
        <translation>{size} (abgebrochen)</translation>
    </message>
    <message>
        <source>{size} of {total}</source>
        <translation>{size} von {total}</translation>
    </message>
    <message>
        <source>{file} (resumable upload, complete of {total})</source>
        <translation>{file} (fortsetzbarer Upload, vollständig: {total})</translation>
    </message>
    <message>
        <source>{file} (resumable upload, {percent} of {total})</source>
        <translation>{file} (fortsetzbarer Upload, {percent} von {total})</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Unvollständig: Der Client hat {sent} Bytes empfangen (er ist gegangen, hat aufgehört zu lesen, oder die Datei hat sich geändert)</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} of {total} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Unvollständig: Der Client hat {sent} von {total} Bytes empfangen (er ist gegangen, hat aufgehört zu lesen, oder die Datei hat sich geändert)</translation>
    </message>
    <message>
        <source>{own} to answer; it also waited {waited} for a thumbnail being made (background work), {total} in all</source>
        <translation>{own} bis zur Antwort; außerdem {waited} Warten auf ein entstehendes Vorschaubild (Hintergrundarbeit), insgesamt {total}</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Success (2xx)</source>
        <translation>Erfolg (2xx)</translation>
    </message>
    <message>
        <source>Redirects (3xx)</source>
        <translation>Weiterleitungen (3xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Client-Fehler (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Server-Fehler (5xx)</translation>
    </message>
    <message>
        <source>All errors (4xx, 5xx)</source>
        <translation>Alle Fehler (4xx, 5xx)</translation>
    </message>
    <message>
        <source>Filter by path, client, user, method, status or agent</source>
        <translation>Nach Pfad, Client, Benutzer, Methode, Status oder Agent filtern</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter leeren</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Anfragen filtern</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation>Nach Client filtern</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Clients</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Protokoll anhalten</translation>
    </message>
    <message>
        <source>Stop adding rows; nothing is lost meanwhile</source>
        <translation>Keine Zeilen mehr hinzufügen; dabei geht nichts verloren</translation>
    </message>
    <message>
        <source>Latest ↓</source>
        <translation>Neueste ↓</translation>
    </message>
    <message>
        <source>Scroll to the latest request</source>
        <translation>Zur neuesten Anfrage blättern</translation>
    </message>
    <message>
        <source>Jump to the newest request and follow the log</source>
        <translation>Zur neuesten Anfrage springen und dem Protokoll folgen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <source>Remove all rows (Ctrl+L)</source>
        <translation>Alle Zeilen entfernen (Strg+L)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Die sichtbaren Anfragen exportieren</translation>
    </message>
    <message>
        <source>Save the rows shown to CSV or JSON Lines</source>
        <translation>Die angezeigten Zeilen als CSV oder JSON Lines speichern</translation>
    </message>
    <message>
        <source>Show chunks</source>
        <translation>Teile zeigen</translation>
    </message>
    <message>
        <source>Show every request of resumable uploads</source>
        <translation>Jede Anfrage fortsetzbarer Uploads anzeigen</translation>
    </message>
    <message>
        <source>A resumable upload is one row, updated as its chunks arrive; check to see each of its requests (PATCH, HEAD) as a row of its own</source>
        <translation>Ein fortsetzbarer Upload ist eine Zeile, die mit jedem eintreffenden Teil aktualisiert wird; aktivieren, um jede seiner Anfragen (PATCH, HEAD) als eigene Zeile zu sehen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Anfragen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Select all requests</source>
        <translation>Alle Anfragen auswählen</translation>
    </message>
    <message>
        <source>No requests yet. They appear here as soon as someone opens the shared address.</source>
        <translation>Noch keine Anfragen. Sie erscheinen hier, sobald jemand die freigegebene Adresse öffnet.</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Details der ausgewählten Anfrage</translation>
    </message>
    <message>
        <source>Select a request to see all its details here.</source>
        <translation>Wählen Sie eine Anfrage, um hier alle Details zu sehen.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>Protokoll fortsetzen</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>There are no requests in the log (or none match the filter).</source>
        <translation>Das Protokoll enthält keine Anfragen (oder keine passen zum Filter).</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>{file} konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shown</source>
        <translation>
            <numerusform>{shown} von %n angezeigt</numerusform>
            <numerusform>{shown} von %n angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n upload chunks folded</source>
        <translation>
            <numerusform> · %n Upload-Teil zusammengefasst</numerusform>
            <numerusform> · %n Upload-Teile zusammengefasst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting (paused)</source>
        <translation>
            <numerusform> · %n wartet (angehalten)</numerusform>
            <numerusform> · %n warten (angehalten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>{size} ({bytes} bytes)</source>
        <translation>{size} ({bytes} Bytes)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Referer</source>
        <translation>Referer</translation>
    </message>
    <message>
        <source>{own}, and it waited {waited} for a thumbnail being made (background work, not a slow answer)</source>
        <translation>{own}, dazu {waited} Warten auf ein entstehendes Vorschaubild (Hintergrundarbeit, keine langsame Antwort)</translation>
    </message>
    <message>
        <source>, incomplete: cut short</source>
        <translation>, unvollständig: abgebrochen</translation>
    </message>
    <message>
        <source>, incomplete: of {bytes} bytes</source>
        <translation>, unvollständig: von {bytes} Bytes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Freigabe</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>Ordner &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>Freigabe &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Users and passwords…</source>
        <translation>Ben&amp;utzer und Passwörter…</translation>
    </message>
    <message>
        <source>HTTPS c&amp;ertificate…</source>
        <translation>HTTPS-&amp;Zertifikat…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Anfragen</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>&amp;Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Export visible rows…</source>
        <translation>Sichtbare Zeilen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Pier</source>
        <translation>&amp;Über Pier</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>Einstellungen wurden zurückgesetzt</translation>
    </message>
    <message>
        <source>Choose a folder to share, then press Start.</source>
        <translation>Wählen Sie einen Ordner zum Freigeben und drücken Sie dann auf Start.</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>Freigabe &amp;stoppen</translation>
    </message>
    <message>
        <source>Pier — sharing {folder}</source>
        <translation>Pier — {folder} wird freigegeben</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Freigegeben unter {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Freigabe aktiv</translation>
    </message>
    <message>
        <source>Stopped sharing</source>
        <translation>Freigabe beendet</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problem mit den Konten</translation>
    </message>
    <message>
        <source>Folder chosen. Press “Start sharing”.</source>
        <translation>Ordner gewählt. Drücken Sie auf „Freigabe starten“.</translation>
    </message>
    <message>
        <source>About Pier</source>
        <translation>Über Pier</translation>
    </message>
    <message>
        <source>Pier shares a folder with the devices on your local network.

Pick a folder, press Start sharing, then open the address shown (or scan the QR code) on another device.</source>
        <translation>Pier gibt einen Ordner für die Geräte in Ihrem lokalen Netzwerk frei.

Wählen Sie einen Ordner, drücken Sie auf „Freigabe starten“ und öffnen Sie dann die angezeigte Adresse (oder scannen Sie den QR-Code) auf einem anderen Gerät.</translation>
    </message>
</context>
<context>
    <name>MonitorTabs</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Limits &amp;&amp; access</source>
        <translation>Limits &amp;&amp; Zugriff</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>Einsammeln</translation>
    </message>
</context>
<context>
    <name>NewLinkDialog</name>
    <message>
        <source>New link</source>
        <translation>Neuer Link</translation>
    </message>
    <message>
        <source>Give one file or folder of the share to someone for a while, without an account. Anyone with the link can open it until it ends.</source>
        <translation>Geben Sie eine Datei oder einen Ordner der Freigabe für eine Weile an jemanden weiter, ohne Konto. Wer den Link hat, kann ihn öffnen, bis er endet.</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>Datei oder Ordner:</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>Endet nach:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Download-Begrenzung</translation>
    </message>
    <message>
        <source>The link ends after this many complete downloads (views and previews count too). A video player may fetch the end of a file first, which counts: allow a few downloads for a video</source>
        <translation>Der Link endet nach so vielen vollständigen Downloads (Ansichten und Vorschauen zählen mit). Ein Videoplayer lädt eventuell zuerst das Ende einer Datei, was mitzählt: Erlauben Sie für ein Video ein paar Downloads</translation>
    </message>
    <message>
        <source>Downloads:</source>
        <translation>Downloads:</translation>
    </message>
    <message>
        <source>No PIN (4 to 64 characters)</source>
        <translation>Keine PIN (4 bis 64 Zeichen)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Asked before the link opens; tell it to the person separately</source>
        <translation>Wird vor dem Öffnen des Links abgefragt; teilen Sie sie der Person separat mit</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>People with the link may upload here</source>
        <translation>Personen mit dem Link dürfen hierher hochladen</translation>
    </message>
    <message>
        <source>A drop box: only for a folder</source>
        <translation>Ein Briefkasten: nur für einen Ordner</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Link erstellen</translation>
    </message>
    <message>
        <source>File or folder to link</source>
        <translation>Zu verlinkende Datei oder Ordner</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose a file inside the share</source>
        <translation>Eine Datei in der Freigabe wählen</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Einen Ordner in der Freigabe wählen</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Link ends after</source>
        <translation>Link endet nach</translation>
    </message>
    <message>
        <source>Last day of the link</source>
        <translation>Letzter Tag des Links</translation>
    </message>
    <message>
        <source>The link works to the end of this day</source>
        <translation>Der Link funktioniert bis zum Ende dieses Tages</translation>
    </message>
    <message>
        <source>Choose a file to link</source>
        <translation>Zu verlinkende Datei wählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Bis zu einem Datum</translation>
    </message>
</context>
<context>
    <name>RateInput</name>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>{caption}, unit</source>
        <translation>{caption}, Einheit</translation>
    </message>
</context>
<context>
    <name>ReceivedTextBanner</name>
    <message>
        <source>A text arrived</source>
        <translation>Ein Text ist angekommen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Put the whole text on the clipboard</source>
        <translation>Den ganzen Text in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Copy the text that arrived</source>
        <translation>Den angekommenen Text kopieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the text that arrived</source>
        <translation>Den angekommenen Text ausblenden</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Pier could not read its settings ({reason}).</source>
        <translation>Pier konnte seine Einstellungen nicht lesen ({reason}).</translation>
    </message>
    <message>
        <source>The settings file {file} was damaged ({reason}). Defaults are used.</source>
        <translation>Die Einstellungsdatei {file} war beschädigt ({reason}). Es werden die Standardwerte verwendet.</translation>
    </message>
    <message>
        <source> A copy was kept as {file}.</source>
        <translation> Eine Kopie wurde als {file} aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>The shared folder is gone ({folder}): it was removed or renamed, or its disk was unplugged. Visitors see “This share is unavailable”. Sharing resumes by itself when the same folder is back.</source>
        <translation>Der freigegebene Ordner ist weg ({folder}): Er wurde entfernt oder umbenannt, oder sein Laufwerk wurde getrennt. Besucher sehen „Diese Freigabe ist nicht verfügbar“. Die Freigabe läuft von selbst weiter, sobald derselbe Ordner wieder da ist.</translation>
    </message>
    <message>
        <source>The shared folder is unavailable</source>
        <translation>Der freigegebene Ordner ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>nothing (log in first)</source>
        <translation>nichts (erst anmelden)</translation>
    </message>
    <message>
        <source>look and download</source>
        <translation>ansehen, herunterladen</translation>
    </message>
    <message>
        <source>look, download and upload</source>
        <translation>ansehen, herunter- und hochladen</translation>
    </message>
    <message>
        <source>look, download, upload and change</source>
        <translation>ansehen, herunter-/hochladen, ändern</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>Lokales Netzwerk</translation>
    </message>
    <message>
        <source>Not sharing</source>
        <translation>Keine Freigabe</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Freigabe aktiv</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird beendet…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>1. Choose what to share</source>
        <translation>1. Wählen, was freigegeben wird</translation>
    </message>
    <message>
        <source>2. Start</source>
        <translation>2. Starten</translation>
    </message>
    <message>
        <source>Who can do what</source>
        <translation>Wer was darf</translation>
    </message>
    <message>
        <source>3. Open it on another device</source>
        <translation>3. Auf einem anderen Gerät öffnen</translation>
    </message>
    <message>
        <source>Choose a folder, or drop one on this window</source>
        <translation>Wählen Sie einen Ordner oder ziehen Sie einen auf dieses Fenster</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>Freizugebender Ordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Pick the folder to share</source>
        <translation>Den freizugebenden Ordner auswählen</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Wer darf verbinden</translation>
    </message>
    <message>
        <source>“Local network” lets phones and other computers connect.</source>
        <translation>Mit „Lokales Netzwerk“ können sich Telefone und andere Computer verbinden.</translation>
    </message>
    <message>
        <source>Who can connect:</source>
        <translation>Wer darf verbinden:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>1 to 65535. “Any free port” (0) lets Pier pick one and keep it for the next starts.</source>
        <translation>1 bis 65535. „Beliebiger freier Port“ (0) lässt Pier einen wählen und für die nächsten Starts behalten.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Show hidden files</source>
        <translation>Versteckte Dateien zeigen</translation>
    </message>
    <message>
        <source>Also share names starting with “.”</source>
        <translation>Auch Namen freigeben, die mit „.“ beginnen</translation>
    </message>
    <message>
        <source>Website mode</source>
        <translation>Website-Modus</translation>
    </message>
    <message>
        <source>Open a folder&apos;s index.html instead of its listing and run the share&apos;s pages and scripts as a website. Pages in the share, uploaded ones included, then run as this share with each visitor&apos;s login: turn it on only for files you trust, and not with uploads from others.</source>
        <translation>Die index.html eines Ordners statt seiner Auflistung öffnen und die Seiten und Skripte der Freigabe als Website ausführen. Seiten in der Freigabe, auch hochgeladene, laufen dann als diese Freigabe mit der Anmeldung jedes Besuchers: Schalten Sie das nur für Dateien ein, denen Sie vertrauen, und nicht bei Uploads von anderen.</translation>
    </message>
    <message>
        <source>Require login</source>
        <translation>Anmeldung verlangen</translation>
    </message>
    <message>
        <source>Only people with an account (Users…) get in</source>
        <translation>Nur Personen mit Konto (Benutzer…) kommen hinein</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Benutzer…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Add and manage accounts (Ctrl+U)</source>
        <translation>Konten hinzufügen und verwalten (Strg+U)</translation>
    </message>
    <message>
        <source>Visitors without an account may</source>
        <translation>Besucher ohne Konto dürfen</translation>
    </message>
    <message>
        <source>Visitors without an account may:</source>
        <translation>Besucher ohne Konto:</translation>
    </message>
    <message>
        <source>Allow uploads</source>
        <translation>Uploads erlauben</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the upload permission) may add files and folders</source>
        <translation>Besucher (oder Konten mit Upload-Berechtigung) dürfen Dateien und Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Allow changes</source>
        <translation>Änderungen erlauben</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the “change” permission) may rename, move and delete files and folders, and uploads may replace a file of the same name. Deleted items go to this computer&apos;s trash</source>
        <translation>Besucher (oder Konten mit der Berechtigung „ändern“) dürfen Dateien und Ordner umbenennen, verschieben und löschen, und Uploads dürfen eine gleichnamige Datei ersetzen. Gelöschtes landet im Papierkorb dieses Computers</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Largest upload</source>
        <translation>Größter Upload</translation>
    </message>
    <message>
        <source>Larger uploads are refused before they are sent</source>
        <translation>Größere Uploads werden abgelehnt, bevor sie gesendet werden</translation>
    </message>
    <message>
        <source>Largest:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <source>Allow permanent deletes where there is no trash</source>
        <translation>Ohne Papierkorb endgültig löschen erlauben</translation>
    </message>
    <message>
        <source>Some disks (network folders) have no trash: a delete there is refused unless this is on, and then it cannot be undone</source>
        <translation>Manche Datenträger (Netzwerkordner) haben keinen Papierkorb: Löschen wird dort abgelehnt, außer dies ist eingeschaltet, und dann lässt es sich nicht rückgängig machen</translation>
    </message>
    <message>
        <source>HTTPS (encrypted)</source>
        <translation>HTTPS (verschlüsselt)</translation>
    </message>
    <message>
        <source>Devices must trust Pier&apos;s certificate once (Certificate…)</source>
        <translation>Geräte müssen dem Zertifikat von Pier einmal vertrauen (Zertifikat…)</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>Zertifikat…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>See, make or import the HTTPS certificate</source>
        <translation>HTTPS-Zertifikat ansehen, erstellen oder importieren</translation>
    </message>
    <message>
        <source>Now: {summary}</source>
        <translation>Jetzt: {summary}</translation>
    </message>
    <message>
        <source>Will share with: {summary}</source>
        <translation>Wird freigegeben mit: {summary}</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Freigabe beenden</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Freigabe starten</translation>
    </message>
    <message>
        <source>for {time}</source>
        <translation>seit {time}</translation>
    </message>
</context>
<context>
    <name>ShareTextDialog</name>
    <message>
        <source>Share text</source>
        <translation>Text freigeben</translation>
    </message>
    <message>
        <source>Everyone who may read the share sees this text on top of the page, with a Copy button, until you clear it or sharing stops.</source>
        <translation>Alle, die die Freigabe lesen dürfen, sehen diesen Text oben auf der Seite, mit einer Schaltfläche zum Kopieren, bis Sie ihn löschen oder die Freigabe endet.</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>Freizugebender Text</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Share this text</source>
        <translation>Diesen Text freigeben</translation>
    </message>
</context>
<context>
    <name>SharedTextBar</name>
    <message>
        <source>Share text…</source>
        <translation>Text freigeben…</translation>
    </message>
    <message>
        <source>Show a text on the page, for everyone who may read it</source>
        <translation>Einen Text auf der Seite zeigen, für alle, die sie lesen dürfen</translation>
    </message>
    <message>
        <source>Share text</source>
        <translation>Text freigeben</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the shared text</source>
        <translation>Den freigegebenen Text löschen</translation>
    </message>
    <message>
        <source>On the page: {text}</source>
        <translation>Auf der Seite: {text}</translation>
    </message>
    <message>
        <source>No text on the page. Share one for everyone who reads the share.</source>
        <translation>Kein Text auf der Seite. Geben Sie einen für alle frei, die die Freigabe lesen.</translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <source>Invalid port</source>
        <translation>Ungültiger Port</translation>
    </message>
    <message>
        <source>Cannot share this folder</source>
        <translation>Dieser Ordner kann nicht freigegeben werden</translation>
    </message>
    <message>
        <source>{problem}

Add an account now, then press Start again.</source>
        <translation>{problem}

Legen Sie jetzt ein Konto an und drücken Sie dann erneut auf Start.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Benutzer öffnen…</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problem mit den Konten</translation>
    </message>
    <message>
        <source>{problem}

Open Share ▸ HTTPS certificate… to make a new certificate or import another one, or turn HTTPS off.</source>
        <translation>{problem}

Öffnen Sie Freigabe ▸ HTTPS-Zertifikat…, um ein neues Zertifikat zu erstellen oder ein anderes zu importieren, oder schalten Sie HTTPS aus.</translation>
    </message>
    <message>
        <source>HTTPS certificate problem</source>
        <translation>Problem mit dem HTTPS-Zertifikat</translation>
    </message>
    <message>
        <source>Could not start sharing</source>
        <translation>Freigabe konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Port belegt</translation>
    </message>
    <message>
        <source>{problem}

Another program is using port {port}. Pier can pick a free port instead.</source>
        <translation>{problem}

Ein anderes Programm verwendet Port {port}. Pier kann stattdessen einen freien Port wählen.</translation>
    </message>
    <message>
        <source>Port not allowed</source>
        <translation>Port nicht erlaubt</translation>
    </message>
    <message>
        <source>{problem}

Ports below 1024 need administrator rights on this system. Pier can pick a free port instead.</source>
        <translation>{problem}

Ports unter 1024 erfordern auf diesem System Administratorrechte. Pier kann stattdessen einen freien Port wählen.</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>Freien Port verwenden</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n devices are connected</source>
        <translation>
            <numerusform>%n Gerät ist verbunden</numerusform>
            <numerusform>%n Geräte sind verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfers are running</source>
        <translation>
            <numerusform>%n Übertragung läuft</numerusform>
            <numerusform>%n Übertragungen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>{connected} and {running}</source>
        <translation>{connected} und {running}</translation>
    </message>
    <message>
        <source>No login: anyone who connects may download</source>
        <translation>Ohne Anmeldung: Jeder, der sich verbindet, darf herunterladen</translation>
    </message>
    <message>
        <source>Login required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download, upload and rename, move and delete</source>
        <translation>Anmeldung für Konten · Besucher dürfen ansehen, herunterladen, hochladen sowie umbenennen, verschieben und löschen</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and upload</source>
        <translation>Anmeldung für Konten · Besucher dürfen ansehen, herunterladen und hochladen</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and rename, move and delete</source>
        <translation>Anmeldung für Konten · Besucher dürfen ansehen, herunterladen sowie umbenennen, verschieben und löschen</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look and download</source>
        <translation>Anmeldung für Konten · Besucher dürfen ansehen und herunterladen</translation>
    </message>
    <message>
        <source>download only</source>
        <translation>nur herunterladen</translation>
    </message>
    <message>
        <source>anyone may upload, rename, move and delete</source>
        <translation>jeder darf hochladen, umbenennen, verschieben und löschen</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>Uploads erlaubt</translation>
    </message>
    <message>
        <source>anyone may rename, move and delete</source>
        <translation>jeder darf umbenennen, verschieben und löschen</translation>
    </message>
    <message>
        <source>accounts with “upload” may add files</source>
        <translation>Konten mit „hochladen“ dürfen Dateien hinzufügen</translation>
    </message>
    <message>
        <source>accounts with “change” may rename, move and delete</source>
        <translation>Konten mit „ändern“ dürfen umbenennen, verschieben und löschen</translation>
    </message>
    <message>
        <source> (deleted items go to the trash, or for good where there is none)</source>
        <translation> (Gelöschtes kommt in den Papierkorb, oder wird endgültig gelöscht, wo es keinen gibt)</translation>
    </message>
    <message>
        <source> (deleted items go to the trash)</source>
        <translation> (Gelöschtes kommt in den Papierkorb)</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>einfaches HTTP (unverschlüsselt)</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share, uploaded ones too</source>
        <translation>Website-Modus: Seiten in der Freigabe laufen als die Freigabe, auch hochgeladene</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share</source>
        <translation>Website-Modus: Seiten in der Freigabe laufen als die Freigabe</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Freigegeben unter {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Freigabe aktiv</translation>
    </message>
    <message>
        <source>Now sharing on this computer only at {address}</source>
        <translation>Jetzt nur auf diesem Computer freigegeben, unter {address}</translation>
    </message>
    <message>
        <source>Now sharing on this computer only</source>
        <translation>Jetzt nur auf diesem Computer freigegeben</translation>
    </message>
    <message>
        <source>Now sharing on the local network at {address}</source>
        <translation>Jetzt im lokalen Netzwerk freigegeben, unter {address}</translation>
    </message>
    <message>
        <source>Now sharing on the local network</source>
        <translation>Jetzt im lokalen Netzwerk freigegeben</translation>
    </message>
    <message>
        <source>Now sharing {folder} at {address}</source>
        <translation>Jetzt wird {folder} unter {address} freigegeben</translation>
    </message>
    <message>
        <source>Now sharing {folder}</source>
        <translation>Jetzt wird {folder} freigegeben</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS at {address}</source>
        <translation>Jetzt mit HTTPS freigegeben, unter {address}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS</source>
        <translation>Jetzt mit HTTPS freigegeben</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted) at {address}</source>
        <translation>Jetzt ohne HTTPS (unverschlüsselt) freigegeben, unter {address}</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted)</source>
        <translation>Jetzt ohne HTTPS (unverschlüsselt) freigegeben</translation>
    </message>
    <message>
        <source>Now sharing at {address}</source>
        <translation>Jetzt freigegeben unter {address}</translation>
    </message>
    <message>
        <source>Now sharing</source>
        <translation>Jetzt freigegeben</translation>
    </message>
    <message>
        <source>New settings apply now, from the next request</source>
        <translation>Die neuen Einstellungen gelten ab sofort, ab der nächsten Anfrage</translation>
    </message>
</context>
<context>
    <name>TextBanners</name>
    <message>
        <source>Text from {who}, saved as {file}:</source>
        <translation>Text von {who}, gespeichert als {file}:</translation>
    </message>
</context>
<context>
    <name>TextControls</name>
    <message>
        <source>Share &amp;text…</source>
        <translation>&amp;Text freigeben…</translation>
    </message>
    <message>
        <source>Share the clipboard&apos;s text</source>
        <translation>Text der Zwischenablage freigeben</translation>
    </message>
    <message>
        <source>C&amp;lear shared text</source>
        <translation>Freigegebenen Text &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>TrafficTexts</name>
    <message numerus="yes">
        <source>In the cache: {size} in %n files. </source>
        <translation>
            <numerusform>Im Zwischenspeicher: {size} in %n Datei. </numerusform>
            <numerusform>Im Zwischenspeicher: {size} in %n Dateien. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Errors (4xx/5xx)</source>
        <translation>Fehler (4xx/5xx)</translation>
    </message>
    <message>
        <source>Connections now</source>
        <translation>Aktuelle Verbindungen</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>Latenz p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Thumbnails are made in the background, so downloads stay fast. Requests for them are counted here rather than in the busiest paths, and the time one waited for a thumbnail being made is not counted as slowness.</source>
        <translation>Vorschaubilder entstehen im Hintergrund, damit Downloads schnell bleiben. Anfragen danach werden hier gezählt statt bei den meistgefragten Pfaden, und die Zeit, die eine Anfrage auf ein entstehendes Vorschaubild gewartet hat, zählt nicht als Langsamkeit.</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} wartend</translation>
    </message>
    <message>
        <source>{count} being made</source>
        <translation>{count} in Arbeit</translation>
    </message>
    <message>
        <source>{count} made</source>
        <translation>{count} erstellt</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} fehlgeschlagen</translation>
    </message>
    <message>
        <source>{count} served</source>
        <translation>{count} ausgeliefert</translation>
    </message>
    <message>
        <source>Thumbnails: {work}</source>
        <translation>Vorschaubilder: {work}</translation>
    </message>
    <message>
        <source>none made yet</source>
        <translation>noch keine erstellt</translation>
    </message>
    <message>
        <source>Answered from memory {memory} times, from the disk {disk} times. Failed: files that gave no picture (broken, too large, or a video that cannot be read); visitors see an icon.</source>
        <translation>{memory}-mal aus dem Arbeitsspeicher beantwortet, {disk}-mal von der Festplatte. Fehlgeschlagen: Dateien, die kein Bild ergaben (beschädigt, zu groß oder ein nicht lesbares Video); Besucher sehen ein Symbol.</translation>
    </message>
    <message>
        <source>Charts update once a second while sharing.</source>
        <translation>Die Diagramme werden während der Freigabe einmal pro Sekunde aktualisiert.</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Aktive Verbindungen</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Most requested paths</source>
        <translation>Meistgefragte Pfade</translation>
    </message>
    <message>
        <source>Paths by data sent</source>
        <translation>Pfade nach gesendeter Datenmenge</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Not sharing</source>
        <translation>Keine Freigabe</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Freigabe starten</translation>
    </message>
    <message>
        <source>Open window</source>
        <translation>Fenster öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Freigegeben unter {address}</translation>
    </message>
    <message>
        <source>Pier — sharing at {address}</source>
        <translation>Pier — freigegeben unter {address}</translation>
    </message>
    <message>
        <source>Pier — not sharing</source>
        <translation>Pier — keine Freigabe</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Freigabe beenden</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>Digest is only for old apps that cannot log in over HTTPS; leave it off unless one needs it, because Pier must then keep a password-equivalent secret for this account.</source>
        <translation>Digest ist nur für alte Apps gedacht, die sich nicht über HTTPS anmelden können; lassen Sie es aus, solange keine es braucht, denn Pier muss dann für dieses Konto ein passwortgleiches Geheimnis aufbewahren.</translation>
    </message>
    <message>
        <source>Turning Digest on takes effect after the next password change or normal login of this user.</source>
        <translation>Das Einschalten von Digest wirkt nach der nächsten Passwortänderung oder normalen Anmeldung dieses Benutzers.</translation>
    </message>
    <message>
        <source>At least {count} characters. A few unrelated words are strong and easy to type on a phone.</source>
        <translation>Mindestens {count} Zeichen. Ein paar zusammenhanglose Wörter sind sicher und auf einem Telefon leicht einzugeben.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Neues Passwort für {name}</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>What this user may do</source>
        <translation>Was dieser Benutzer darf</translation>
    </message>
    <message>
        <source>See and download files</source>
        <translation>Dateien ansehen und herunterladen</translation>
    </message>
    <message>
        <source>Upload files and make folders (when the share allows uploads)</source>
        <translation>Dateien hochladen und Ordner anlegen (wenn die Freigabe Uploads erlaubt)</translation>
    </message>
    <message>
        <source>Change and delete: rename, move, delete and replace files (when the share allows changes)</source>
        <translation>Ändern und löschen: Dateien umbenennen, verschieben, löschen und ersetzen (wenn die Freigabe Änderungen erlaubt)</translation>
    </message>
    <message>
        <source>Account enabled (may log in)</source>
        <translation>Konto aktiviert (darf sich anmelden)</translation>
    </message>
    <message>
        <source>In the whole shared folder</source>
        <translation>Im gesamten freigegebenen Ordner</translation>
    </message>
    <message>
        <source>Only in these folders:</source>
        <translation>Nur in diesen Ordnern:</translation>
    </message>
    <message>
        <source>Allowed folders</source>
        <translation>Erlaubte Ordner</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Pick a folder inside the share</source>
        <translation>Einen Ordner in der Freigabe auswählen</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Last day the account works</source>
        <translation>Letzter Tag, an dem das Konto funktioniert</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Advanced: Digest login</source>
        <translation>Erweitert: Digest-Anmeldung</translation>
    </message>
    <message>
        <source>Allow Digest login (SHA-256)</source>
        <translation>Digest-Anmeldung erlauben (SHA-256)</translation>
    </message>
    <message>
        <source>Also MD5, for old clients</source>
        <translation>Auch MD5, für alte Clients</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Geben Sie ein Passwort ein.</translation>
    </message>
    <message>
        <source>The password is too weak. {advice}</source>
        <translation>Das Passwort ist zu schwach. {advice}</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Add at least one folder, or choose “In the whole shared folder”.</source>
        <translation>Fügen Sie mindestens einen Ordner hinzu oder wählen Sie „Im gesamten freigegebenen Ordner“.</translation>
    </message>
    <message>
        <source>Choose the shared folder first</source>
        <translation>Wählen Sie zuerst den freigegebenen Ordner</translation>
    </message>
    <message>
        <source>Folders are picked inside the shared folder. Choose the folder to share in the main window first.</source>
        <translation>Ordner werden innerhalb des freigegebenen Ordners ausgewählt. Wählen Sie zuerst im Hauptfenster den freizugebenden Ordner.</translation>
    </message>
    <message>
        <source>Not inside the share</source>
        <translation>Nicht in der Freigabe</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>(off for this share)</source>
        <translation>(für diese Freigabe aus)</translation>
    </message>
    <message>
        <source>Uploads are turned off for this share (“Allow uploads” in the main window), so nobody can upload now, whatever their permission says.</source>
        <translation>Uploads sind für diese Freigabe ausgeschaltet („Uploads erlauben“ im Hauptfenster), daher kann gerade niemand hochladen, egal was seine Berechtigung sagt.</translation>
    </message>
    <message>
        <source>Changes are turned off for this share (“Allow changes” in the main window), so nobody can rename, move or delete now, whatever their permission says.</source>
        <translation>Änderungen sind für diese Freigabe ausgeschaltet („Änderungen erlauben“ im Hauptfenster), daher kann gerade niemand umbenennen, verschieben oder löschen, egal was seine Berechtigung sagt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>hochladen</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ändern</translation>
    </message>
    <message>
        <source>download</source>
        <translation>herunterladen</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source> · Digest</source>
        <translation> · Digest</translation>
    </message>
    <message>
        <source> + MD5</source>
        <translation> + MD5</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Users — Pier</source>
        <translation>Benutzer — Pier</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Scroll the tabs</source>
        <translation>Reiter blättern</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Alle Zeilen auswählen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>People with an account log in with their name and password when “Require login” is on in the main window. Changes apply at once, even while sharing.</source>
        <translation>Personen mit Konto melden sich mit Name und Passwort an, wenn im Hauptfenster „Anmeldung verlangen“ eingeschaltet ist. Änderungen gelten sofort, auch während der Freigabe.</translation>
    </message>
    <message>
        <source>No accounts yet. Press “Add user…” to create one.</source>
        <translation>Noch keine Konten. Drücken Sie auf „Benutzer hinzufügen…“, um eines anzulegen.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Ein Konto anlegen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change permissions, folders, expiry</source>
        <translation>Berechtigungen, Ordner, Ablaufdatum ändern</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Stop or allow this account&apos;s logins</source>
        <translation>Anmeldungen dieses Kontos sperren oder erlauben</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the account</source>
        <translation>Das Konto löschen</translation>
    </message>
    <message>
        <source>whole share</source>
        <translation>ganze Freigabe</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Could not add the user</source>
        <translation>Der Benutzer konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Adding {name} (hashing the password)…</source>
        <translation>{name} wird hinzugefügt (Passwort wird gehasht)…</translation>
    </message>
    <message>
        <source>Could not change the user</source>
        <translation>Der Benutzer konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>{name} wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not change the password</source>
        <translation>Das Passwort konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Changing the password of {name}…</source>
        <translation>Passwort von {name} wird geändert…</translation>
    </message>
    <message>
        <source>Delete the account?</source>
        <translation>Konto löschen?</translation>
    </message>
    <message>
        <source>Delete the account “{name}”? This user will no longer be able to log in.</source>
        <translation>Das Konto „{name}“ löschen? Dieser Benutzer kann sich dann nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Could not delete the user</source>
        <translation>Der Benutzer konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>{name} wird gelöscht…</translation>
    </message>
    <message>
        <source>Who is locked out appears here while sharing with “Require login” on.</source>
        <translation>Wer gesperrt ist, erscheint hier, während mit „Anmeldung verlangen“ freigegeben wird.</translation>
    </message>
    <message>
        <source>Nobody is locked out. After 5 wrong passwords, an address or a user name must wait before trying again.</source>
        <translation>Niemand ist gesperrt. Nach 5 falschen Passwörtern muss eine Adresse oder ein Benutzername warten, bevor es erneut versucht werden kann.</translation>
    </message>
    <message>
        <source>These addresses and user names typed wrong passwords too often and must wait. Release lets them try now.</source>
        <translation>Diese Adressen und Benutzernamen haben zu oft falsche Passwörter eingegeben und müssen warten. „Freigeben“ lässt sie es jetzt versuchen.</translation>
    </message>
    <message>
        <source>Locked out ({count})</source>
        <translation>Gesperrt ({count})</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Let this address or user try again now</source>
        <translation>Diese Adresse oder diesen Benutzer es jetzt erneut versuchen lassen</translation>
    </message>
    <message>
        <source>Release {who}</source>
        <translation>{who} freigeben</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>WifiQrBox</name>
    <message>
        <source>WEP (old)</source>
        <translation>WEP (veraltet)</translation>
    </message>
    <message>
        <source>None (open network)</source>
        <translation>Keine (offenes Netzwerk)</translation>
    </message>
    <message>
        <source>Get the phone on this Wi-Fi</source>
        <translation>Das Telefon in dieses WLAN bringen</translation>
    </message>
    <message>
        <source>Type your Wi-Fi&apos;s details; the phone joins it by scanning the code. Pier keeps none of them.</source>
        <translation>Geben Sie die Daten Ihres WLANs ein; das Telefon verbindet sich durch Scannen des Codes. Pier speichert nichts davon.</translation>
    </message>
    <message>
        <source>Wi-Fi name (SSID)</source>
        <translation>WLAN-Name (SSID)</translation>
    </message>
    <message>
        <source>Wi-Fi security</source>
        <translation>WLAN-Sicherheit</translation>
    </message>
    <message>
        <source>Wi-Fi password</source>
        <translation>WLAN-Passwort</translation>
    </message>
    <message>
        <source>Hidden network</source>
        <translation>Verborgenes Netzwerk</translation>
    </message>
    <message>
        <source>Name (SSID):</source>
        <translation>Name (SSID):</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Show Wi-Fi code</source>
        <translation>WLAN-Code anzeigen</translation>
    </message>
    <message>
        <source>QR code to join the Wi-Fi</source>
        <translation>QR-Code zum Beitreten des WLANs</translation>
    </message>
</context>
</TS>
