<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Accounts</name>
    <message>
        <source>{folder} is not inside the shared folder {share}. Choose a folder inside it.</source>
        <translation>{folder} n&apos;est pas dans le dossier partagé {share}. Choisissez un dossier à l&apos;intérieur.</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>This system has no “xdg-open”, which Pier uses to find your web browser (on Debian or Ubuntu it comes with the xdg-utils package).</source>
        <translation>Ce système n&apos;a pas « xdg-open », qu&apos;utilise Pier pour trouver votre navigateur web (sous Debian ou Ubuntu, il est fourni par le paquet xdg-utils).</translation>
    </message>
    <message>
        <source>No default web browser is set up, or it did not start.</source>
        <translation>Aucun navigateur web par défaut n&apos;est configuré, ou il n&apos;a pas démarré.</translation>
    </message>
    <message>
        <source>Port changed</source>
        <translation>Port modifié</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Autoriser les appareils de mon réseau</translation>
    </message>
    <message>
        <source>Share with phones and other computers on this network (restarts the share on the local network)</source>
        <translation>Partager avec les téléphones et les autres ordinateurs de ce réseau (redémarre le partage sur le réseau local)</translation>
    </message>
    <message>
        <source>Addresses of the share</source>
        <translation>Adresses du partage</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Copy the selected address</source>
        <translation>Copier l&apos;adresse sélectionnée</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Open the selected address in your browser</source>
        <translation>Ouvrir l&apos;adresse sélectionnée dans votre navigateur</translation>
    </message>
    <message>
        <source>Connect as a drive…</source>
        <translation>Connecter comme lecteur réseau…</translation>
    </message>
    <message>
        <source>Open this share as a network drive: the address to type on Windows, macOS, Linux or in rclone</source>
        <translation>Ouvrir ce partage comme lecteur réseau : l&apos;adresse à saisir sous Windows, macOS, Linux ou dans rclone</translation>
    </message>
    <message>
        <source>Phone can&apos;t connect?</source>
        <translation>Le téléphone ne se connecte pas ?</translation>
    </message>
    <message>
        <source>Test the connection from your phone and find out what stops it (firewall, network, VPN)</source>
        <translation>Testez la connexion depuis votre téléphone et découvrez ce qui la bloque (pare-feu, réseau, VPN)</translation>
    </message>
    <message>
        <source>QR code of the selected address</source>
        <translation>Code QR de l&apos;adresse sélectionnée</translation>
    </message>
    <message>
        <source>Address in the QR code</source>
        <translation>Adresse du code QR</translation>
    </message>
    <message>
        <source>The addresses to open appear here once sharing has started.</source>
        <translation>Les adresses à ouvrir apparaissent ici dès que le partage a démarré.</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses, so there is no QR code: a phone could not use it.</source>
        <translation>Seul cet ordinateur peut ouvrir ces adresses : il n&apos;y a donc pas de code QR, un téléphone ne pourrait pas l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Open an address on a device in the same network, or scan the code with a phone:</source>
        <translation>Ouvrez une adresse sur un appareil du même réseau, ou scannez le code avec un téléphone :</translation>
    </message>
    <message>
        <source>Could not open a browser</source>
        <translation>Impossible d&apos;ouvrir un navigateur</translation>
    </message>
    <message>
        <source>Pier asked the system to open {url} in a web browser, but none opened. {why}

Copy the address (Copy address) and paste it into a browser instead.</source>
        <translation>Pier a demandé au système d&apos;ouvrir {url} dans un navigateur web, mais aucun ne s&apos;est ouvert. {why}

Copiez l&apos;adresse (Copier l&apos;adresse) et collez-la plutôt dans un navigateur.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>HTTPS certificate — Pier</source>
        <translation>Certificat HTTPS — Pier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exactly one:&lt;/b&gt; the phone must show exactly ONE certificate, named “Pier local CA…”, in the profile or file it installs. If it shows more, remove it: a copy changed on the way could carry a second authority.</source>
        <translation>&lt;b&gt;Un seul :&lt;/b&gt; le téléphone doit afficher exactement UN certificat, nommé « Pier local CA… », dans le profil ou le fichier qu&apos;il installe. S&apos;il en affiche plusieurs, supprimez-le : une copie modifiée en route pourrait contenir une seconde autorité.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate</source>
        <translation>Certificat de cet ordinateur</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Créé par :</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Noms :</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Valide :</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>Pier&apos;s local authority (CA): what devices trust</source>
        <translation>Autorité locale (CA) de Pier : ce à quoi les appareils font confiance</translation>
    </message>
    <message>
        <source>Replace certificate authority…</source>
        <translation>Remplacer l&apos;autorité de certification…</translation>
    </message>
    <message>
        <source>Make a new CA limited to web servers; every device must trust it again</source>
        <translation>Créer une nouvelle CA limitée aux serveurs web ; chaque appareil devra à nouveau lui faire confiance</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trust on a phone&lt;/b&gt;</source>
        <translation>&lt;b&gt;Faire confiance sur un téléphone&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Make new certificate…</source>
        <translation>Créer un nouveau certificat…</translation>
    </message>
    <message>
        <source>Generate (or regenerate) the certificate</source>
        <translation>Générer (ou régénérer) le certificat</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Use your own certificate and key (PEM)</source>
        <translation>Utiliser votre propre certificat et votre clé (PEM)</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own</source>
        <translation>Utiliser celui de Pier</translation>
    </message>
    <message>
        <source>Stop using the imported certificate</source>
        <translation>Ne plus utiliser le certificat importé</translation>
    </message>
    <message>
        <source>Export CA certificate…</source>
        <translation>Exporter le certificat de la CA…</translation>
    </message>
    <message>
        <source>Save the CA certificate to install it on devices</source>
        <translation>Enregistrer le certificat de la CA pour l&apos;installer sur les appareils</translation>
    </message>
    <message>
        <source>Cannot read the certificate</source>
        <translation>Impossible de lire le certificat</translation>
    </message>
    <message>
        <source>Reading the certificate…</source>
        <translation>Lecture du certificat…</translation>
    </message>
    <message>
        <source>No certificate yet. It is made when you first share with HTTPS, or press “Make new certificate…”.</source>
        <translation>Pas encore de certificat. Il est créé la première fois que vous partagez avec HTTPS, ou quand vous cliquez sur « Créer un nouveau certificat… ».</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>Régénérer…</translation>
    </message>
    <message>
        <source>Pier (generated, self-signed)</source>
        <translation>Pier (généré, auto-signé)</translation>
    </message>
    <message>
        <source>Pier (generated, signed by Pier&apos;s CA)</source>
        <translation>Pier (généré, signé par la CA de Pier)</translation>
    </message>
    <message>
        <source>Imported: {subject}</source>
        <translation>Importé : {subject}</translation>
    </message>
    <message>
        <source>No CA: the certificate is self-signed or imported without one. Devices must trust it directly.</source>
        <translation>Pas de CA : le certificat est auto-signé ou importé sans CA. Les appareils doivent lui faire confiance directement.</translation>
    </message>
    <message>
        <source>Replace the certificate authority (below) first: phones are not offered one an older Pier made.</source>
        <translation>Remplacez d&apos;abord l&apos;autorité de certification (ci-dessous) : celle qu&apos;un ancien Pier a créée n&apos;est pas proposée aux téléphones.</translation>
    </message>
    <message>
        <source>The running share still hands out the previous CA. Stop and start sharing, then scan the code.</source>
        <translation>Le partage en cours distribue encore l&apos;ancienne CA. Arrêtez puis relancez le partage, puis scannez le code.</translation>
    </message>
    <message>
        <source>Devices must trust again</source>
        <translation>Les appareils devront à nouveau faire confiance</translation>
    </message>
    <message>
        <source>Make it</source>
        <translation>Le créer</translation>
    </message>
    <message>
        <source>Cannot make the certificate</source>
        <translation>Impossible de créer le certificat</translation>
    </message>
    <message>
        <source>Making the certificate…</source>
        <translation>Création du certificat…</translation>
    </message>
    <message>
        <source>Imported. Sharing with HTTPS uses it from now on.</source>
        <translation>Importé. Le partage en HTTPS l&apos;utilise dès maintenant.</translation>
    </message>
    <message>
        <source>Pier&apos;s own certificate is used from now on.</source>
        <translation>Le certificat de Pier est utilisé dès maintenant.</translation>
    </message>
    <message>
        <source>With HTTPS on, devices check this certificate. Let each device trust Pier&apos;s local authority (CA) once: scan the code with a phone and follow the page it opens (or copy the exported file to the device), then compare the CA fingerprint shown here with the one the device shows.</source>
        <translation>Avec HTTPS activé, les appareils vérifient ce certificat. Faites confiance une fois, sur chaque appareil, à l&apos;autorité locale (CA) de Pier : scannez le code avec un téléphone et suivez la page qui s&apos;ouvre (ou copiez le fichier exporté sur l&apos;appareil), puis comparez l&apos;empreinte de la CA affichée ici avec celle que montre l&apos;appareil.</translation>
    </message>
    <message>
        <source>QR code of the trust page&apos;s address</source>
        <translation>Code QR de l&apos;adresse de la page de confiance</translation>
    </message>
    <message>
        <source>While sharing with HTTPS and Pier&apos;s own certificate, a code appears here: scan it on a phone to install the CA.</source>
        <translation>Pendant un partage en HTTPS avec le certificat de Pier, un code apparaît ici : scannez-le avec un téléphone pour installer la CA.</translation>
    </message>
    <message>
        <source>Scan with the phone to open the steps:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</source>
        <translation>Scannez avec le téléphone pour ouvrir les étapes :&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</translation>
    </message>
    <message>
        <source>New certificate made; a share running with HTTPS uses it now.</source>
        <translation>Nouveau certificat créé ; un partage HTTPS en cours l&apos;utilise dès maintenant.</translation>
    </message>
    <message>
        <source>http://&lt;this computer&apos;s address&gt;:&lt;port&gt;/.well-known/pier/trust</source>
        <translation>http://&lt;adresse de cet ordinateur&gt;:&lt;port&gt;/.well-known/pier/trust</translation>
    </message>
    <message>
        <source>Replace the certificate authority?</source>
        <translation>Remplacer l&apos;autorité de certification ?</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>La remplacer</translation>
    </message>
    <message>
        <source>Cannot replace the certificate authority</source>
        <translation>Impossible de remplacer l&apos;autorité de certification</translation>
    </message>
    <message>
        <source>Making a new certificate authority…</source>
        <translation>Création d&apos;une nouvelle autorité de certification…</translation>
    </message>
    <message>
        <source>New certificate authority made; the old one&apos;s key was destroyed. Let every device trust the new one (remove the old one there).</source>
        <translation>Nouvelle autorité de certification créée ; la clé de l&apos;ancienne a été détruite. Faites confiance à la nouvelle sur chaque appareil (et supprimez-y l&apos;ancienne).</translation>
    </message>
    <message>
        <source>Choose the certificate (PEM)</source>
        <translation>Choisissez le certificat (PEM)</translation>
    </message>
    <message>
        <source>Choose its private key (PEM)</source>
        <translation>Choisissez sa clé privée (PEM)</translation>
    </message>
    <message>
        <source>Checking the certificate and key…</source>
        <translation>Vérification du certificat et de la clé…</translation>
    </message>
    <message>
        <source>Cannot use this certificate</source>
        <translation>Impossible d&apos;utiliser ce certificat</translation>
    </message>
    <message>
        <source>That passphrase does not open {key}. Try again:</source>
        <translation>Cette phrase secrète n&apos;ouvre pas {key}. Réessayez :</translation>
    </message>
    <message>
        <source>The key {key} is protected by a passphrase. Enter it:</source>
        <translation>La clé {key} est protégée par une phrase secrète. Saisissez-la :</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>Phrase secrète requise</translation>
    </message>
    <message>
        <source>Cannot switch certificates</source>
        <translation>Impossible de changer de certificat</translation>
    </message>
    <message>
        <source>Switching to Pier&apos;s own certificate…</source>
        <translation>Passage au certificat de Pier…</translation>
    </message>
    <message>
        <source>Export the CA certificate</source>
        <translation>Exporter le certificat de la CA</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cannot export the CA certificate</source>
        <translation>Impossible d&apos;exporter le certificat de la CA</translation>
    </message>
    <message>
        <source>CA certificate saved to {file}.</source>
        <translation>Certificat de la CA enregistré dans {file}.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Clés privées (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PEM certificate (*.crt *.pem);;DER certificate (*.der *.cer)</source>
        <translation>Certificat PEM (*.crt *.pem);;Certificat DER (*.der *.cer)</translation>
    </message>
    <message>
        <source>Devices that already trust Pier will show a warning again until they trust the new certificate. Continue?</source>
        <translation>Les appareils qui font déjà confiance à Pier afficheront de nouveau un avertissement jusqu&apos;à ce qu&apos;ils fassent confiance au nouveau certificat. Continuer ?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pier&apos;s certificate authority is not limited to web servers.&lt;/b&gt; An older Pier made it: anyone who got hold of its key could make e-mail (S/MIME) or code-signing certificates that every device trusting it accepts. It cannot be fixed in place; replace it, then let each device trust the new one.</source>
        <translation>&lt;b&gt;L&apos;autorité de certification de Pier n&apos;est pas limitée aux serveurs web.&lt;/b&gt; Une ancienne version de Pier l&apos;a créée : quiconque mettrait la main sur sa clé pourrait créer des certificats de messagerie (S/MIME) ou de signature de code acceptés par tout appareil qui lui fait confiance. Cela ne peut pas être corrigé sur place ; remplacez-la, puis faites confiance à la nouvelle sur chaque appareil.</translation>
    </message>
    <message>
        <source>Pier makes a new certificate authority, limited to web servers on your local network, and destroys the old one&apos;s key.

Every device that trusts the old one must trust the new one again. On each device:
1. Remove the old certificate “{old}”.
2. Install the new one: scan the code in this dialog while sharing with HTTPS, open {url} on the device and follow its steps, or copy the file “Export CA certificate…” saves.
Until then the device warns about Pier&apos;s certificate.

A share running with HTTPS uses the new certificate at once.</source>
        <translation>Pier crée une nouvelle autorité de certification, limitée aux serveurs web de votre réseau local, et détruit la clé de l&apos;ancienne.

Chaque appareil qui fait confiance à l&apos;ancienne doit faire confiance à la nouvelle. Sur chaque appareil :
1. Supprimez l&apos;ancien certificat « {old} ».
2. Installez le nouveau : scannez le code de cette fenêtre pendant un partage en HTTPS, ouvrez {url} sur l&apos;appareil et suivez ses étapes, ou copiez le fichier qu&apos;enregistre « Exporter le certificat de la CA… ».
D&apos;ici là, l&apos;appareil affiche un avertissement pour le certificat de Pier.

Un partage HTTPS en cours utilise le nouveau certificat immédiatement.</translation>
    </message>
    <message>
        <source>Compare with the SHA-256 fingerprint the phone shows for the installed certificate: every pair must match. Never trust a fingerprint a web page shows.</source>
        <translation>Comparez avec l&apos;empreinte SHA-256 que le téléphone affiche pour le certificat installé : chaque paire doit correspondre. Ne vous fiez jamais à une empreinte affichée par une page web.</translation>
    </message>
    <message>
        <source>&lt;br&gt;This address works on this computer only: choose the local network address in Pier&apos;s window for a phone.</source>
        <translation>&lt;br&gt;Cette adresse ne fonctionne que sur cet ordinateur : pour un téléphone, choisissez l&apos;adresse du réseau local dans la fenêtre de Pier.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Cannot ban</source>
        <translation>Impossible de bannir</translation>
    </message>
    <message>
        <source>Cannot unban</source>
        <translation>Impossible de lever le bannissement</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>Impossible de déconnecter</translation>
    </message>
    <message>
        <source>Cannot cancel the upload</source>
        <translation>Impossible d&apos;annuler l&apos;envoi</translation>
    </message>
    <message>
        <source>The upload is still receiving a chunk that would not stop; try again in a moment.</source>
        <translation>L&apos;envoi reçoit encore un morceau qui n&apos;a pas pu être arrêté ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>il y a {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>il y a {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>il y a {hours} h</translation>
    </message>
    <message>
        <source>{percent} of {total}</source>
        <translation>{percent} sur {total}</translation>
    </message>
    <message>
        <source>{percent} · {received} of {total}</source>
        <translation>{percent} · {received} sur {total}</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>visiteur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clients&lt;/b&gt; (since the share started)</source>
        <translation>&lt;b&gt;Clients&lt;/b&gt; (depuis le début du partage)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Close this client&apos;s connections now (it may reconnect)</source>
        <translation>Fermer maintenant les connexions de ce client (il peut se reconnecter)</translation>
    </message>
    <message>
        <source>Ban for this session</source>
        <translation>Bannir pour cette session</translation>
    </message>
    <message>
        <source>Refuse this address until Pier quits</source>
        <translation>Refuser cette adresse jusqu&apos;à la fermeture de Pier</translation>
    </message>
    <message>
        <source>Ban permanently</source>
        <translation>Bannir définitivement</translation>
    </message>
    <message>
        <source>Refuse this address from now on, also after a restart</source>
        <translation>Refuser cette adresse désormais, même après un redémarrage</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transfers now&lt;/b&gt; (large downloads and uploads)</source>
        <translation>&lt;b&gt;Transferts en cours&lt;/b&gt; (gros téléchargements et envois)</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Transferts en cours</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>Annuler le transfert</translation>
    </message>
    <message>
        <source>Stop this download or upload now</source>
        <translation>Arrêter maintenant ce téléchargement ou cet envoi</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished uploads&lt;/b&gt; (resumable: the sender may go on later)</source>
        <translation>&lt;b&gt;Envois inachevés&lt;/b&gt; (reprenables : l&apos;expéditeur peut continuer plus tard)</translation>
    </message>
    <message>
        <source>Unfinished uploads</source>
        <translation>Envois inachevés</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Annuler l&apos;envoi</translation>
    </message>
    <message>
        <source>Remove this unfinished upload and the part received; the sender cannot resume it</source>
        <translation>Supprimer cet envoi inachevé et la partie reçue ; l&apos;expéditeur ne pourra pas le reprendre</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banned&lt;/b&gt; (refused when they connect)</source>
        <translation>&lt;b&gt;Bannis&lt;/b&gt; (refusés à la connexion)</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>Adresses bannies</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Lever le bannissement</translation>
    </message>
    <message>
        <source>Let this address connect again</source>
        <translation>Permettre à cette adresse de se reconnecter</translation>
    </message>
    <message>
        <source>Address or network, e.g. 192.168.1.50 or 10.0.0.0/8</source>
        <translation>Adresse ou réseau, p. ex. 192.168.1.50 ou 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Address or network to ban</source>
        <translation>Adresse ou réseau à bannir</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bannir</translation>
    </message>
    <message>
        <source>Ban the typed address or network for this session</source>
        <translation>Bannir l&apos;adresse ou le réseau saisi pour cette session</translation>
    </message>
    <message>
        <source>Pier quits</source>
        <translation>fermeture de Pier</translation>
    </message>
    <message>
        <source>{count} at {speed}</source>
        <translation>{count} à {speed}</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Devices are connected</source>
        <translation>Des appareils sont connectés</translation>
    </message>
    <message>
        <source>Pier can keep sharing in the background, with its icon in the system tray, or stop sharing and quit.</source>
        <translation>Pier peut continuer à partager en arrière-plan, avec son icône dans la zone de notification, ou arrêter le partage et quitter.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Pier cannot keep sharing without its window. Keep the window open, or stop sharing and quit.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification : Pier ne peut donc pas continuer à partager sans sa fenêtre. Gardez la fenêtre ouverte, ou arrêtez le partage et quittez.</translation>
    </message>
    <message>
        <source>{activity}. Stopping now ends their downloads and uploads.

{choice}</source>
        <translation>{activity}. Arrêter maintenant interrompt leurs téléchargements et leurs envois.

{choice}</translation>
    </message>
    <message>
        <source>Quit while sharing?</source>
        <translation>Quitter pendant le partage ?</translation>
    </message>
    <message>
        <source>Pier is still sharing</source>
        <translation>Pier partage toujours</translation>
    </message>
    <message>
        <source>Pier keeps serving in the background. Use the tray icon to show the window, stop sharing or quit.</source>
        <translation>Pier continue à servir en arrière-plan. Utilisez l&apos;icône de la zone de notification pour afficher la fenêtre, arrêter le partage ou quitter.</translation>
    </message>
</context>
<context>
    <name>CollectOptions</name>
    <message>
        <source>Collect files</source>
        <translation>Collecter des fichiers</translation>
    </message>
    <message>
        <source>Visitors hand in files by name: each person&apos;s files go to their own folder inside this one, which the share never shows. The Collect tab lists who handed in.</source>
        <translation>Les visiteurs remettent des fichiers sous leur nom : les fichiers de chaque personne vont dans son propre dossier à l&apos;intérieur de celui-ci, que le partage ne montre jamais. L&apos;onglet « Collecte » indique qui a remis.</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>Collecter dans le dossier</translation>
    </message>
    <message>
        <source>The folder inside the share that hand-ins go to</source>
        <translation>Le dossier du partage où vont les fichiers remis</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Hand-ins close at a time</source>
        <translation>Les remises se ferment à une heure donnée</translation>
    </message>
    <message>
        <source>After this time hand-ins are refused</source>
        <translation>Après cette heure, les remises sont refusées</translation>
    </message>
    <message>
        <source>Hand-ins close at</source>
        <translation>Les remises se ferment à</translation>
    </message>
</context>
<context>
    <name>CollectService</name>
    <message>
        <source>Could not read {file}: {reason}.</source>
        <translation>Impossible de lire {file} : {reason}.</translation>
    </message>
    <message>
        <source>{file} is larger than 1 MB: not a list of names.</source>
        <translation>{file} dépasse 1 Mo : ce n&apos;est pas une liste de noms.</translation>
    </message>
    <message>
        <source>open, no deadline</source>
        <translation>ouvert, sans date limite</translation>
    </message>
    <message>
        <source>closed at {time}</source>
        <translation>fermé à {time}</translation>
    </message>
    <message>
        <source>closes in {days} d {hours} h</source>
        <translation>se ferme dans {days} j {hours} h</translation>
    </message>
    <message>
        <source>closes in {hours} h {minutes} min</source>
        <translation>se ferme dans {hours} h {minutes} min</translation>
    </message>
    <message>
        <source>closes in {minutes} min</source>
        <translation>se ferme dans {minutes} min</translation>
    </message>
    <message>
        <source>Collecting files into {folder} (no deadline)</source>
        <translation>Collecte des fichiers dans {folder} (sans date limite)</translation>
    </message>
    <message>
        <source>Collecting files into {folder} until {time}</source>
        <translation>Collecte des fichiers dans {folder} jusqu&apos;au {time}</translation>
    </message>
    <message>
        <source>The hand-in deadline has already passed: choose a later one, or turn the deadline off.</source>
        <translation>La date limite de remise est déjà passée : choisissez-en une plus tardive, ou désactivez la date limite.</translation>
    </message>
</context>
<context>
    <name>CollectView</name>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Show the hand-ins folder in the file manager</source>
        <translation>Afficher le dossier des remises dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the checklist as a CSV file</source>
        <translation>Enregistrer la liste de contrôle dans un fichier CSV</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Liste de contrôle</translation>
    </message>
    <message>
        <source>Handed in, not on the roster:</source>
        <translation>Remis, absent de la liste :</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Absent de la liste</translation>
    </message>
    <message>
        <source>Expected (roster):</source>
        <translation>Attendus (liste) :</translation>
    </message>
    <message>
        <source>Roster, one name a line</source>
        <translation>Liste, un nom par ligne</translation>
    </message>
    <message>
        <source>One name a line, e.g.
Ana García
Bo Li</source>
        <translation>Un nom par ligne, p. ex. :
Ana García
Bo Li</translation>
    </message>
    <message>
        <source>Load roster…</source>
        <translation>Charger la liste…</translation>
    </message>
    <message>
        <source>Read the names from a text file, one a line</source>
        <translation>Lire les noms depuis un fichier texte, un par ligne</translation>
    </message>
    <message>
        <source>{count} of {total} handed in</source>
        <translation>{count} sur {total} remis</translation>
    </message>
    <message>
        <source>Add the expected names on the right</source>
        <translation>Ajoutez les noms attendus à droite</translation>
    </message>
    <message>
        <source>Not collecting: start sharing with “Collect files” on</source>
        <translation>Pas de collecte : partagez avec « Collecter des fichiers »</translation>
    </message>
    <message>
        <source>{status} (not sharing)</source>
        <translation>{status} (pas de partage)</translation>
    </message>
    <message>
        <source>Load a roster</source>
        <translation>Charger une liste</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot load the roster</source>
        <translation>Impossible de charger la liste</translation>
    </message>
    <message>
        <source>Export the checklist</source>
        <translation>Exporter la liste de contrôle</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the checklist</source>
        <translation>Impossible d&apos;exporter la liste de contrôle</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>Impossible d&apos;écrire {file} : {reason}.</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Rien pour l&apos;instant</translation>
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
        <translation>Nom d&apos;hôte</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Transferts en cours</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Banned address or network</source>
        <translation>Adresse ou réseau banni</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>Dernier fichier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Last used by</source>
        <translation>Dernière utilisation par</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Select all: {table}</source>
        <translation>Tout sélectionner : {table}</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Locked for</source>
        <translation>Verrouillé pendant</translation>
    </message>
</context>
<context>
    <name>ConnectDrive</name>
    <message>
        <source>This share: port {port}</source>
        <translation>Ce partage : port {port}</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>HTTP simple (non chiffré)</translation>
    </message>
    <message>
        <source>login required, visitors may look</source>
        <translation>connexion requise, les visiteurs peuvent regarder</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>sans connexion</translation>
    </message>
    <message>
        <source>Pier&apos;s share is also a WebDAV server: your file manager can open it like a disk, with drag and drop, within the rights the share and the account give. Pick your system and copy an address.</source>
        <translation>Le partage de Pier est aussi un serveur WebDAV : votre gestionnaire de fichiers peut l&apos;ouvrir comme un disque, avec le glisser-déposer, dans la limite des droits qu&apos;accordent le partage et le compte. Choisissez votre système et copiez une adresse.</translation>
    </message>
    <message>
        <source>Start sharing to see the addresses.</source>
        <translation>Démarrez le partage pour voir les adresses.</translation>
    </message>
    <message>
        <source>Connect as a &amp;drive…</source>
        <translation>Connecter comme lecteur &amp;réseau…</translation>
    </message>
    <message>
        <source>How to open this share as a network drive</source>
        <translation>Comment ouvrir ce partage comme lecteur réseau</translation>
    </message>
</context>
<context>
    <name>ConnectDriveDialog</name>
    <message>
        <source>Connect as a drive — Pier</source>
        <translation>Connecter comme lecteur réseau — Pier</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systèmes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Address using {host}</source>
        <translation>Adresse via {host}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the address using {host}</source>
        <translation>Copier l&apos;adresse via {host}</translation>
    </message>
    <message>
        <source>Copy {address}</source>
        <translation>Copier {address}</translation>
    </message>
    <message>
        <source>Only this computer can use this address</source>
        <translation>Seul cet ordinateur peut utiliser cette adresse</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Copied: {text}</source>
        <translation>Copié : {text}</translation>
    </message>
</context>
<context>
    <name>ConnectionDoctor</name>
    <message>
        <source>&amp;Phone can&apos;t connect?…</source>
        <translation>Le &amp;téléphone ne se connecte pas ?…</translation>
    </message>
    <message>
        <source>Find out why a phone or another computer cannot open the share</source>
        <translation>Découvrir pourquoi un téléphone ou un autre ordinateur ne peut pas ouvrir le partage</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{port} is not a port number. Choose a port from 1 to {max}, or “Any free port”.</source>
        <translation>{port} n&apos;est pas un numéro de port. Choisissez un port de 1 à {max}, ou « N&apos;importe quel port libre ».</translation>
    </message>
    <message>
        <source>Choose a folder to share first.</source>
        <translation>Choisissez d&apos;abord un dossier à partager.</translation>
    </message>
    <message>
        <source>“Require login” is on, but there are no accounts yet, so nobody could log in.</source>
        <translation>« Exiger une connexion » est activé, mais il n&apos;y a encore aucun compte : personne ne pourrait se connecter.</translation>
    </message>
    <message>
        <source>Port {wanted}, used last time, is taken now, so Pier picked port {port}. Bookmarks and printed QR codes of the old address will not work.</source>
        <translation>Le port {wanted}, utilisé la dernière fois, est maintenant occupé : Pier a donc choisi le port {port}. Les favoris et les codes QR imprimés de l&apos;ancienne adresse ne fonctionneront pas.</translation>
    </message>
</context>
<context>
    <name>DesktopActions</name>
    <message>
        <source>Add to applications &amp;menu</source>
        <translation>Ajouter au &amp;menu des applications</translation>
    </message>
    <message>
        <source>Remove from applications &amp;menu</source>
        <translation>Retirer du &amp;menu des applications</translation>
    </message>
    <message>
        <source>&amp;Start Pier when I log in</source>
        <translation>&amp;Démarrer Pier à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Start Pier in the background when you log in</source>
        <translation>Démarrer Pier en arrière-plan à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the tray and share the last folder</source>
        <translation>Démarrer &amp;masqué dans la zone de notification et partager le dernier dossier</translation>
    </message>
    <message>
        <source>At login, Pier starts with its window hidden in the tray, sharing the folder shared last</source>
        <translation>À l&apos;ouverture de session, Pier démarre avec sa fenêtre masquée dans la zone de notification et partage le dernier dossier partagé</translation>
    </message>
    <message>
        <source>Could not change starting at login</source>
        <translation>Impossible de modifier le démarrage à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Pier could not change {place}: {problem}</source>
        <translation>Pier n&apos;a pas pu modifier {place} : {problem}</translation>
    </message>
    <message>
        <source>Removed from the applications menu</source>
        <translation>Retiré du menu des applications</translation>
    </message>
    <message>
        <source>Pier&apos;s entry was removed ({entry}).</source>
        <translation>L&apos;entrée de Pier a été supprimée ({entry}).</translation>
    </message>
    <message>
        <source>Added to the applications menu</source>
        <translation>Ajouté au menu des applications</translation>
    </message>
    <message>
        <source>Pier is in your applications menu now (under Internet or Network; some desktops show it after a moment).

The entry is {entry}.</source>
        <translation>Pier est maintenant dans votre menu des applications (sous Internet ou Réseau ; certains bureaux l&apos;affichent après un instant).

L&apos;entrée est {entry}.</translation>
    </message>
    <message>
        <source>Could not change the applications menu</source>
        <translation>Impossible de modifier le menu des applications</translation>
    </message>
    <message>
        <source>Pier could not write its entry under {folder}: {problem}</source>
        <translation>Pier n&apos;a pas pu écrire son entrée dans {folder} : {problem}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Choose the folder to share</source>
        <translation>Choisissez le dossier à partager</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Exporter les requêtes visibles</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Choisissez un dossier dans le partage</translation>
    </message>
    <message>
        <source>Keep sharing in the background</source>
        <translation>Continuer à partager en arrière-plan</translation>
    </message>
    <message>
        <source>Stop sharing and quit</source>
        <translation>Arrêter le partage et quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation>Garder la fenêtre ouverte</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>{name} is a Pier account, which wins over the directory: the directory is not asked for this name.</source>
        <translation>{name} est un compte Pier, qui l&apos;emporte sur l&apos;annuaire : l&apos;annuaire n&apos;est pas interrogé pour ce nom.</translation>
    </message>
    <message>
        <source>The directory cannot be asked: {error}.</source>
        <translation>Impossible d&apos;interroger l&apos;annuaire : {error}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{name} cannot log in: {reason} (groups: {groups}).</source>
        <translation>{name} ne peut pas se connecter : {reason} (groupes : {groups}).</translation>
    </message>
    <message>
        <source>{name} may log in: {rights} (groups: {groups}).</source>
        <translation>{name} peut se connecter : {rights} (groupes : {groups}).</translation>
    </message>
    <message>
        <source>download</source>
        <translation>télécharger</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>envoyer</translation>
    </message>
    <message>
        <source>change</source>
        <translation>modifier</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>statistiques</translation>
    </message>
    <message>
        <source>{rights} in {folders}</source>
        <translation>{rights} dans {folders}</translation>
    </message>
    <message>
        <source>{rights} in the whole share</source>
        <translation>{rights} dans tout le partage</translation>
    </message>
    <message>
        <source>Cannot read the CA file {path}: {error}.</source>
        <translation>Impossible de lire le fichier de CA {path} : {error}.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory users log in with Basic only: Digest needs a password hash that Pier cannot have for them. While any Pier account has Digest turned on, browsers choose Digest and directory users cannot log in from them. Share over HTTPS: Basic sends the password with every request.</source>
        <translation>Les utilisateurs de l&apos;annuaire se connectent uniquement avec Basic : Digest nécessite une empreinte du mot de passe que Pier ne peut pas avoir pour eux. Tant qu&apos;un compte Pier a Digest activé, les navigateurs choisissent Digest et les utilisateurs de l&apos;annuaire ne peuvent pas s&apos;y connecter. Partagez en HTTPS : Basic envoie le mot de passe avec chaque requête.</translation>
    </message>
    <message>
        <source>One group (its cn) per line: GROUP=read, upload, modify or admin, and :/FOLDER to limit it to a folder. In several groups, the highest level wins (with its folders); in none, the login is refused. A Pier account of the same name wins.</source>
        <translation>Un groupe (son cn) par ligne : GROUPE=read, upload, modify ou admin, et :/DOSSIER pour le limiter à un dossier. Dans plusieurs groupes, le niveau le plus élevé l&apos;emporte (avec ses dossiers) ; dans aucun, la connexion est refusée. Un compte Pier du même nom l&apos;emporte.</translation>
    </message>
    <message>
        <source>GROUP=read|upload|modify|admin[:/FOLDER], one per line; the highest level wins.</source>
        <translation>GROUPE=read|upload|modify|admin[:/DOSSIER], un par ligne ; le niveau le plus élevé l&apos;emporte.</translation>
    </message>
    <message>
        <source>Directory logins are off.</source>
        <translation>Les connexions par l&apos;annuaire sont désactivées.</translation>
    </message>
    <message>
        <source>Directory logins are on. Shares started from now on use these settings.</source>
        <translation>Les connexions par l&apos;annuaire sont activées. Les partages démarrés à partir de maintenant utilisent ces réglages.</translation>
    </message>
    <message>
        <source>The directory&apos;s CA certificate</source>
        <translation>Certificat de CA de l&apos;annuaire</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Directory result</source>
        <translation>Résultat de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Directory address</source>
        <translation>Adresse de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Use StartTLS (with an ldap:// address)</source>
        <translation>Utiliser StartTLS (avec une adresse ldap://)</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>Utiliser StartTLS</translation>
    </message>
    <message>
        <source>Base DN</source>
        <translation>DN de base</translation>
    </message>
    <message>
        <source>empty: search anonymously</source>
        <translation>vide : recherche anonyme</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>DN de liaison</translation>
    </message>
    <message>
        <source>the bind DN&apos;s password</source>
        <translation>le mot de passe du DN de liaison</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>Mot de passe de liaison</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtre des utilisateurs</translation>
    </message>
    <message>
        <source>Active Directory: {filter}</source>
        <translation>Active Directory : {filter}</translation>
    </message>
    <message>
        <source>Group filter</source>
        <translation>Filtre des groupes</translation>
    </message>
    <message>
        <source>Active Directory: memberOf (the user&apos;s attribute)</source>
        <translation>Active Directory : memberOf (l&apos;attribut de l&apos;utilisateur)</translation>
    </message>
    <message>
        <source>Group map</source>
        <translation>Correspondance des groupes</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>les CA de confiance du système</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier de CA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the directory&apos;s CA file</source>
        <translation>Choisir le fichier de CA de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Forget the saved CA</source>
        <translation>Oublier la CA enregistrée</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Base DN:</source>
        <translation>DN de base :</translation>
    </message>
    <message>
        <source>Bind DN:</source>
        <translation>DN de liaison :</translation>
    </message>
    <message>
        <source>Bind password:</source>
        <translation>Mot de passe de liaison :</translation>
    </message>
    <message>
        <source>User filter:</source>
        <translation>Filtre des utilisateurs :</translation>
    </message>
    <message>
        <source>Group filter:</source>
        <translation>Filtre des groupes :</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Groupes :</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Fichier de CA :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>Enregistrer les réglages de l&apos;annuaire</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Turn directory logins off</source>
        <translation>Désactiver les connexions par l&apos;annuaire</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>User name to test</source>
        <translation>Nom d&apos;utilisateur à tester</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Password to test</source>
        <translation>Mot de passe à tester</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Test a directory login</source>
        <translation>Tester une connexion par l&apos;annuaire</translation>
    </message>
    <message>
        <source>Test a login:</source>
        <translation>Tester une connexion :</translation>
    </message>
    <message>
        <source>The saved settings cannot be used: {error}</source>
        <translation>Les réglages enregistrés ne sont pas utilisables : {error}</translation>
    </message>
    <message>
        <source>Saved. Stop and start the share to use them now.</source>
        <translation>Enregistré. Arrêtez puis redémarrez le partage pour les utiliser dès maintenant.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>Directory logins turned off for shares started from now on.</source>
        <translation>Connexions par l&apos;annuaire désactivées pour les partages démarrés à partir de maintenant.</translation>
    </message>
    <message>
        <source>Not turned off: {error}</source>
        <translation>Non désactivé : {error}</translation>
    </message>
    <message>
        <source>Type a user name and a password to test.</source>
        <translation>Saisissez un nom d&apos;utilisateur et un mot de passe à tester.</translation>
    </message>
    <message>
        <source>These settings cannot be used: {error}</source>
        <translation>Ces réglages ne sont pas utilisables : {error}</translation>
    </message>
    <message>
        <source>saved (type to change)</source>
        <translation>enregistré (saisissez-en un autre pour le changer)</translation>
    </message>
    <message>
        <source>the saved CA (choose a file to replace it)</source>
        <translation>la CA enregistrée (choisissez un fichier pour la remplacer)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Same network: the phone must be on the same Wi-Fi as this computer (or on a Wi-Fi of the same router), not on a neighbour&apos;s or a hotspot.</source>
        <translation>Même réseau : le téléphone doit être sur le même Wi-Fi que cet ordinateur (ou sur un Wi-Fi du même routeur), pas sur celui d&apos;un voisin ni sur un point d&apos;accès mobile.</translation>
    </message>
    <message>
        <source>Guest Wi-Fi: guest networks, hotel, school and office Wi-Fi often keep devices apart (“client isolation”, “AP isolation”): each device reaches the internet but not the others. Use the main network, or turn isolation off in the router&apos;s Wi-Fi settings.</source>
        <translation>Wi-Fi invité : les réseaux invités et les Wi-Fi d&apos;hôtel, d&apos;école ou de bureau isolent souvent les appareils les uns des autres (« isolation des clients », « isolation AP ») : chaque appareil accède à Internet mais pas aux autres. Utilisez le réseau principal, ou désactivez l&apos;isolation dans les réglages Wi-Fi du routeur.</translation>
    </message>
    <message>
        <source>Mobile data: turn it off on the phone for the test; some phones send requests over mobile data when they think the Wi-Fi has no internet.</source>
        <translation>Données mobiles : désactivez-les sur le téléphone pendant le test ; certains téléphones envoient les requêtes par les données mobiles quand ils pensent que le Wi-Fi n&apos;a pas d&apos;accès à Internet.</translation>
    </message>
    <message>
        <source>VPN: a VPN on the phone or on this computer can route the address elsewhere; pause it.</source>
        <translation>VPN : un VPN sur le téléphone ou sur cet ordinateur peut acheminer l&apos;adresse ailleurs ; mettez-le en pause.</translation>
    </message>
    <message>
        <source>The address: type it exactly as shown, with http:// or https:// as shown and the port after the colon.</source>
        <translation>L&apos;adresse : saisissez-la exactement comme affichée, avec http:// ou https:// comme indiqué et le port après les deux-points.</translation>
    </message>
    <message>
        <source>VPN ({interface}): a phone cannot use it</source>
        <translation>VPN ({interface}) : un téléphone ne peut pas l&apos;utiliser</translation>
    </message>
    <message>
        <source>containers ({interface}): a phone cannot use it</source>
        <translation>conteneurs ({interface}) : un téléphone ne peut pas l&apos;utiliser</translation>
    </message>
    <message>
        <source>virtual machine ({interface}): a phone cannot use it</source>
        <translation>machine virtuelle ({interface}) : un téléphone ne peut pas l&apos;utiliser</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>network {interface}</source>
        <translation>réseau {interface}</translation>
    </message>
    <message>
        <source>name of this computer</source>
        <translation>nom de cet ordinateur</translation>
    </message>
    <message>
        <source>The share is for this computer only</source>
        <translation>Le partage est réservé à cet ordinateur</translation>
    </message>
    <message>
        <source>It listens on this computer&apos;s own address (127.0.0.1), which no phone can reach. Let the devices on your network in: the share restarts on the local network.</source>
        <translation>Il écoute sur l&apos;adresse propre de cet ordinateur (127.0.0.1), qu&apos;aucun téléphone ne peut atteindre. Autorisez les appareils de votre réseau : le partage redémarre sur le réseau local.</translation>
    </message>
    <message>
        <source>The share is open to the local network</source>
        <translation>Le partage est ouvert au réseau local</translation>
    </message>
    <message>
        <source>It listens on every network of this computer.</source>
        <translation>Il écoute sur tous les réseaux de cet ordinateur.</translation>
    </message>
    <message>
        <source>No address for a phone yet</source>
        <translation>Pas encore d&apos;adresse pour un téléphone</translation>
    </message>
    <message>
        <source>Once devices on the network are let in, their addresses show here.</source>
        <translation>Dès que les appareils du réseau sont autorisés, leurs adresses s&apos;affichent ici.</translation>
    </message>
    <message>
        <source>Not these, which lead to a VPN, containers or a virtual machine: {addresses}.</source>
        <translation>Pas celles-ci, qui mènent à un VPN, à des conteneurs ou à une machine virtuelle : {addresses}.</translation>
    </message>
    <message>
        <source>No address on an ordinary network</source>
        <translation>Aucune adresse sur un réseau ordinaire</translation>
    </message>
    <message>
        <source>This computer seems connected to no Wi-Fi or wired network, only to virtual ones.</source>
        <translation>Cet ordinateur ne semble connecté à aucun réseau Wi-Fi ou filaire, seulement à des réseaux virtuels.</translation>
    </message>
    <message>
        <source>Open {address} on the phone</source>
        <translation>Ouvrez {address} sur le téléphone</translation>
    </message>
    <message>
        <source>Use an address of the network the phone is on.</source>
        <translation>Utilisez une adresse du réseau sur lequel se trouve le téléphone.</translation>
    </message>
    <message>
        <source>No firewall found</source>
        <translation>Aucun pare-feu trouvé</translation>
    </message>
    <message>
        <source>Neither firewalld nor ufw is running.</source>
        <translation>Ni firewalld ni ufw ne sont actifs.</translation>
    </message>
    <message>
        <source>The firewall ({tool}) is on and may block port {port}</source>
        <translation>Le pare-feu ({tool}) est actif et bloque peut-être le port {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) blocks port {port}</source>
        <translation>Le pare-feu ({tool}) bloque le port {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) lets port {port} in</source>
        <translation>Le pare-feu ({tool}) laisse passer le port {port}</translation>
    </message>
    <message>
        <source>No active firewall found</source>
        <translation>Aucun pare-feu actif trouvé</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether a firewall blocks the port</source>
        <translation>Pier ne peut pas savoir si un pare-feu bloque le port</translation>
    </message>
    <message>
        <source>Windows Defender Firewall may block the port</source>
        <translation>Le Pare-feu Windows Defender bloque peut-être le port</translation>
    </message>
    <message>
        <source>When Windows asked whether to let Pier (or Python) talk on networks, “Private networks” must be allowed, and the Wi-Fi must be set to Private. Or let the port in from an administrator&apos;s command prompt:</source>
        <translation>Quand Windows a demandé s&apos;il fallait autoriser Pier (ou Python) à communiquer sur les réseaux, « Réseaux privés » doit être autorisé, et le Wi-Fi doit être défini comme privé. Ou autorisez le port depuis une invite de commandes administrateur :</translation>
    </message>
    <message>
        <source>In System Settings → Network → Firewall → Options, set Pier (or Python) to “Allow incoming connections”.</source>
        <translation>Dans Réglages Système → Réseau → Coupe-feu → Options, réglez Pier (ou Python) sur « Autoriser les connexions entrantes ».</translation>
    </message>
    <message>
        <source>The macOS firewall is off</source>
        <translation>Le coupe-feu de macOS est désactivé</translation>
    </message>
    <message>
        <source>It blocks nothing.</source>
        <translation>Il ne bloque rien.</translation>
    </message>
    <message>
        <source>The macOS firewall is on</source>
        <translation>Le coupe-feu de macOS est activé</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether the macOS firewall is on</source>
        <translation>Pier ne peut pas savoir si le coupe-feu de macOS est activé</translation>
    </message>
    <message>
        <source>firewalld is not fully running (state {state}).</source>
        <translation>firewalld ne fonctionne pas entièrement (état {state}).</translation>
    </message>
    <message>
        <source>firewalld is running, but Pier could not read its zones: {problem}</source>
        <translation>firewalld est actif, mais Pier n&apos;a pas pu lire ses zones : {problem}</translation>
    </message>
    <message>
        <source>firewalld is running and zone {zones} lets port {port}/tcp in.</source>
        <translation>firewalld est actif et la zone {zones} laisse passer le port {port}/tcp.</translation>
    </message>
    <message>
        <source>firewalld is running and port {port}/tcp is not open in zone “{zone}”, the zone of the network phones use: it blocks them (unless a service opened for that zone happens to use the same port).</source>
        <translation>firewalld est actif et le port {port}/tcp n&apos;est pas ouvert dans la zone « {zone} », celle du réseau qu&apos;utilisent les téléphones : il les bloque (sauf si un service ouvert pour cette zone utilise justement le même port).</translation>
    </message>
    <message>
        <source>Pier found neither firewalld nor ufw, and the kernel&apos;s own rules (nftables, iptables) are readable only by root, so it cannot tell whether a firewall blocks the port.</source>
        <translation>Pier n&apos;a trouvé ni firewalld ni ufw, et les règles propres du noyau (nftables, iptables) ne sont lisibles que par root : il ne peut donc pas savoir si un pare-feu bloque le port.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic, but lets some addresses in on every port: Pier cannot tell whether the phone is one of them. To let port {port}/tcp in for everyone:</source>
        <translation>{tool} rejette le trafic entrant, mais laisse passer certaines adresses sur tous les ports : Pier ne peut pas savoir si le téléphone en fait partie. Pour laisser passer le port {port}/tcp pour tous :</translation>
    </message>
    <message>
        <source>{tool} has no rule that drops incoming traffic.</source>
        <translation>{tool} n&apos;a aucune règle qui rejette le trafic entrant.</translation>
    </message>
    <message>
        <source>{tool} has a rule that lets port {port}/tcp in.</source>
        <translation>{tool} a une règle qui laisse passer le port {port}/tcp.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic and no rule lets port {port}/tcp in: phones and other computers are blocked.</source>
        <translation>{tool} rejette le trafic entrant et aucune règle ne laisse passer le port {port}/tcp : les téléphones et les autres ordinateurs sont bloqués.</translation>
    </message>
    <message>
        <source>ufw is installed but not enabled.</source>
        <translation>ufw est installé mais pas activé.</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from ufw status).</source>
        <translation>ufw est actif et laisse passer le port {port}/tcp (lu dans ufw status).</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from its rules).</source>
        <translation>ufw est actif et laisse passer le port {port}/tcp (lu dans ses règles).</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from ufw status): it blocks phones and other computers.</source>
        <translation>ufw est actif et aucune règle ne laisse passer le port {port}/tcp (lu dans ufw status) : il bloque les téléphones et les autres ordinateurs.</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from its rules): it blocks phones and other computers.</source>
        <translation>ufw est actif et aucune règle ne laisse passer le port {port}/tcp (lu dans ses règles) : il bloque les téléphones et les autres ordinateurs.</translation>
    </message>
    <message>
        <source>ufw is enabled, but its rules are readable only by root, so Pier cannot tell whether port {port}/tcp is let in.</source>
        <translation>ufw est activé, mais ses règles ne sont lisibles que par root : Pier ne peut donc pas savoir si le port {port}/tcp est autorisé.</translation>
    </message>
    <message>
        <source>Type the network&apos;s name (SSID).</source>
        <translation>Saisissez le nom du réseau (SSID).</translation>
    </message>
    <message>
        <source>A network name has at most 32 bytes.</source>
        <translation>Un nom de réseau fait au plus 32 octets.</translation>
    </message>
    <message>
        <source>Unknown security {security}.</source>
        <translation>Sécurité inconnue {security}.</translation>
    </message>
    <message>
        <source>Type the network&apos;s password.</source>
        <translation>Saisissez le mot de passe du réseau.</translation>
    </message>
    <message>
        <source>A WPA password has 8 to 63 characters.</source>
        <translation>Un mot de passe WPA compte de 8 à 63 caractères.</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Phone can&apos;t connect? — Pier</source>
        <translation>Le téléphone ne se connecte pas ? — Pier</translation>
    </message>
    <message>
        <source>Start sharing first: then open this again to test the connection from your phone.</source>
        <translation>Démarrez d&apos;abord le partage, puis rouvrez cette fenêtre pour tester la connexion depuis votre téléphone.</translation>
    </message>
    <message>
        <source>Test it now</source>
        <translation>Testez maintenant</translation>
    </message>
    <message>
        <source>Open this address on the phone now (or scan the code). Pier watches for a minute for a request from another device.</source>
        <translation>Ouvrez maintenant cette adresse sur le téléphone (ou scannez le code). Pier guette pendant une minute une requête venant d&apos;un autre appareil.</translation>
    </message>
    <message>
        <source>QR code of the address to open</source>
        <translation>Code QR de l&apos;adresse à ouvrir</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>Guetter à nouveau</translation>
    </message>
    <message>
        <source>Watch for a request from the phone for another minute</source>
        <translation>Guetter une minute de plus une requête du téléphone</translation>
    </message>
    <message>
        <source>If the phone cannot open it:</source>
        <translation>Si le téléphone ne peut pas l&apos;ouvrir :</translation>
    </message>
    <message>
        <source>What Pier found on this computer</source>
        <translation>Ce que Pier a trouvé sur cet ordinateur</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The checks failed; see Pier&apos;s log.</source>
        <translation>Les vérifications ont échoué ; consultez le journal de Pier.</translation>
    </message>
    <message>
        <source>There is no address a phone could open yet.</source>
        <translation>Il n&apos;y a pas encore d&apos;adresse qu&apos;un téléphone pourrait ouvrir.</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Autoriser les appareils de mon réseau</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Command to type</source>
        <translation>Commande à saisir</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Copier la commande</translation>
    </message>
    <message>
        <source>✔ A request arrived from another device ({client}): the phone reaches Pier. If the page still does not show, it may be waiting for a password or the certificate.</source>
        <translation>✔ Une requête est arrivée d&apos;un autre appareil ({client}) : le téléphone atteint Pier. Si la page ne s&apos;affiche toujours pas, elle attend peut-être un mot de passe ou le certificat.</translation>
    </message>
    <message>
        <source>✖ No request from another device arrived in the last minute. The phone did not reach Pier.</source>
        <translation>✖ Aucune requête d&apos;un autre appareil n&apos;est arrivée dans la dernière minute. Le téléphone n&apos;a pas atteint Pier.</translation>
    </message>
    <message>
        <source>Waiting for a request from another device… {seconds} s left</source>
        <translation>En attente d&apos;une requête d&apos;un autre appareil… encore {seconds} s</translation>
    </message>
</context>
<context>
    <name>DriveAddresses</name>
    <message>
        <source>Pier&apos;s certificate authority is saved by Certificate… &gt; Export CA certificate…, or downloaded from /.well-known/pier/ca.crt on the share.</source>
        <translation>L&apos;autorité de certification de Pier s&apos;enregistre avec Certificat… &gt; Exporter le certificat de la CA…, ou se télécharge depuis /.well-known/pier/ca.crt sur le partage.</translation>
    </message>
    <message>
        <source>Windows refuses files over 50 MB by default: raise FileSizeLimitInBytes under HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (at most 4294967295) and restart the WebClient service.</source>
        <translation>Par défaut, Windows refuse les fichiers de plus de 50 Mo : augmentez FileSizeLimitInBytes sous HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (au maximum 4294967295) et redémarrez le service WebClient.</translation>
    </message>
    <message>
        <source>Windows checks the certificate: first add Pier&apos;s certificate authority to “Trusted Root Certification Authorities” of the Local Computer (double-click the file, Install Certificate…).</source>
        <translation>Windows vérifie le certificat : ajoutez d&apos;abord l&apos;autorité de certification de Pier aux « Autorités de certification racines de confiance » de l&apos;ordinateur local (double-cliquez sur le fichier, Installer le certificat…).</translation>
    </message>
    <message>
        <source>IPv6 addresses are not offered for Windows: use an IPv4 address or the computer&apos;s name.</source>
        <translation>Les adresses IPv6 ne sont pas proposées pour Windows : utilisez une adresse IPv4 ou le nom de l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>The WebClient service does the work; it starts by itself unless it was turned off (services.msc).</source>
        <translation>Le service WebClient fait le travail ; il démarre tout seul, sauf s&apos;il a été désactivé (services.msc).</translation>
    </message>
    <message>
        <source>the web address</source>
        <translation>l&apos;adresse web</translation>
    </message>
    <message>
        <source>Paste the address into File Explorer&apos;s address bar, or choose This PC &gt; Map network drive and use it as the Folder ({web} works there too).</source>
        <translation>Collez l&apos;adresse dans la barre d&apos;adresse de l&apos;Explorateur de fichiers, ou choisissez Ce PC &gt; Connecter un lecteur réseau et utilisez-la comme Dossier ({web} fonctionne aussi).</translation>
    </message>
    <message>
        <source>Windows asks for the account&apos;s name and password (sent with Basic, encrypted by HTTPS).</source>
        <translation>Windows demande le nom et le mot de passe du compte (envoyés avec Basic, chiffrés par HTTPS).</translation>
    </message>
    <message>
        <source> Visitors without an account can still look.</source>
        <translation> Les visiteurs sans compte peuvent toujours regarder.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic; it logs in with Digest (MD5), which only accounts with “Also MD5, for old clients” (Users… &gt; Advanced) can use. HTTPS avoids this.</source>
        <translation>En HTTP simple, Windows n&apos;envoie pas de mot de passe avec Basic ; il se connecte avec Digest (MD5), que seuls les comptes avec « MD5 aussi, pour les anciens clients » (Utilisateurs… &gt; Avancé) peuvent utiliser. HTTPS évite cela.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic, and no account has Digest with MD5, the Digest Windows speaks: turn HTTPS on, or allow Digest with MD5 for the account (Users… &gt; Advanced, then set its password again).</source>
        <translation>En HTTP simple, Windows n&apos;envoie pas de mot de passe avec Basic, et aucun compte n&apos;a Digest avec MD5, le Digest que parle Windows : activez HTTPS, ou autorisez Digest avec MD5 pour le compte (Utilisateurs… &gt; Avancé, puis redéfinissez son mot de passe).</translation>
    </message>
    <message>
        <source>First trust Pier&apos;s certificate authority: open the file, add it to the System keychain and set it to “Always Trust” in Keychain Access.</source>
        <translation>Faites d&apos;abord confiance à l&apos;autorité de certification de Pier : ouvrez le fichier, ajoutez-le au trousseau Système et réglez-le sur « Toujours approuver » dans Trousseaux d&apos;accès.</translation>
    </message>
    <message>
        <source>Choose “Registered User” and type the account&apos;s name and password.</source>
        <translation>Choisissez « Utilisateur enregistré » et saisissez le nom et le mot de passe du compte.</translation>
    </message>
    <message>
        <source>In Finder choose Go &gt; Connect to Server… (⌘K), type the address and click Connect.</source>
        <translation>Dans le Finder, choisissez Aller &gt; Se connecter au serveur… (⌘K), saisissez l&apos;adresse et cliquez sur Se connecter.</translation>
    </message>
    <message>
        <source>Files asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority; compare its fingerprint with the one Pier&apos;s Certificate… window shows.</source>
        <translation>Fichiers demande s&apos;il faut faire confiance au certificat de Pier, sauf si le système fait confiance à l&apos;autorité de certification de Pier ; comparez son empreinte avec celle qu&apos;affiche la fenêtre Certificat… de Pier.</translation>
    </message>
    <message>
        <source>Files asks for the account&apos;s name and password.</source>
        <translation>Fichiers demande le nom et le mot de passe du compte.</translation>
    </message>
    <message>
        <source>From a terminal: gio mount followed by the address.</source>
        <translation>Depuis un terminal : gio mount suivi de l&apos;adresse.</translation>
    </message>
    <message>
        <source>GNOME Files</source>
        <translation>GNOME Fichiers</translation>
    </message>
    <message>
        <source>In Files choose Other Locations, type the address in “Connect to Server” at the bottom and click Connect.</source>
        <translation>Dans Fichiers, choisissez « Autres emplacements », saisissez l&apos;adresse dans « Connexion à un serveur » en bas et cliquez sur Se connecter.</translation>
    </message>
    <message>
        <source>Dolphin asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority.</source>
        <translation>Dolphin demande s&apos;il faut faire confiance au certificat de Pier, sauf si le système fait confiance à l&apos;autorité de certification de Pier.</translation>
    </message>
    <message>
        <source>Dolphin asks for the account&apos;s name and password.</source>
        <translation>Dolphin demande le nom et le mot de passe du compte.</translation>
    </message>
    <message>
        <source>KDE Dolphin</source>
        <translation>KDE Dolphin</translation>
    </message>
    <message>
        <source>In Dolphin press Ctrl+L, type the address and press Enter (Network &gt; Add Network Folder keeps it).</source>
        <translation>Dans Dolphin, appuyez sur Ctrl+L, saisissez l&apos;adresse et appuyez sur Entrée (Réseau &gt; Ajouter un dossier réseau la conserve).</translation>
    </message>
    <message>
        <source>Put the account&apos;s name for {account}, then store its password with “rclone config password {remote} pass PASSWORD” (rclone keeps it obscured).</source>
        <translation>Remplacez {account} par le nom du compte, puis enregistrez son mot de passe avec « rclone config password {remote} pass PASSWORD » (rclone le garde masqué).</translation>
    </message>
    <message>
        <source>Add --ca-cert {file} (Pier&apos;s certificate authority, PEM) to every rclone command.</source>
        <translation>Ajoutez --ca-cert {file} (l&apos;autorité de certification de Pier, PEM) à chaque commande rclone.</translation>
    </message>
    <message>
        <source>Then: rclone ls {remote}:, rclone copy {remote}:FOLDER ., or rclone mount {remote}: ~/Pier.</source>
        <translation>Ensuite : rclone ls {remote}:, rclone copy {remote}:FOLDER . ou rclone mount {remote}: ~/Pier.</translation>
    </message>
    <message>
        <source>Run this once to make the remote “{remote}”:</source>
        <translation>Exécutez ceci une fois pour créer le distant « {remote} » :</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: type the account&apos;s.</source>
        <translation>davfs2 demande un nom d&apos;utilisateur et un mot de passe : saisissez ceux du compte.</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: press Enter at both.</source>
        <translation>davfs2 demande un nom d&apos;utilisateur et un mot de passe : appuyez sur Entrée pour les deux.</translation>
    </message>
    <message>
        <source>Trust Pier&apos;s certificate authority (PEM): add “trust_ca_cert /path/to/{file}” to /etc/davfs2/davfs2.conf.</source>
        <translation>Faites confiance à l&apos;autorité de certification de Pier (PEM) : ajoutez « trust_ca_cert /path/to/{file} » à /etc/davfs2/davfs2.conf.</translation>
    </message>
    <message>
        <source>Changes reach the share when a file is closed (davfs2 keeps a cache); sudo umount {folder} when done.</source>
        <translation>Les modifications atteignent le partage à la fermeture d&apos;un fichier (davfs2 garde un cache) ; sudo umount {folder} une fois terminé.</translation>
    </message>
    <message>
        <source>Folders look empty or “ls” says “Invalid argument”? davfs2 before 1.7.2 on Linux 6.16 or later needs “buf_size 132” in /etc/davfs2/davfs2.conf.</source>
        <translation>Les dossiers semblent vides ou « ls » indique « Invalid argument » ? davfs2 avant 1.7.2 sous Linux 6.16 ou ultérieur a besoin de « buf_size 132 » dans /etc/davfs2/davfs2.conf.</translation>
    </message>
    <message>
        <source>Linux (davfs2)</source>
        <translation>Linux (davfs2)</translation>
    </message>
    <message>
        <source>Install davfs2 (apt install davfs2), make the folder {folder}, then run:</source>
        <translation>Installez davfs2 (apt install davfs2), créez le dossier {folder}, puis exécutez :</translation>
    </message>
</context>
<context>
    <name>ErrorPagesBox</name>
    <message>
        <source>Choose the error pages folder</source>
        <translation>Choisir le dossier des pages d&apos;erreur</translation>
    </message>
    <message>
        <source>None: Pier&apos;s own pages</source>
        <translation>Aucun : les pages de Pier</translation>
    </message>
    <message>
        <source>Error pages folder</source>
        <translation>Dossier des pages d&apos;erreur</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own error pages</source>
        <translation>Utiliser les pages d&apos;erreur de Pier</translation>
    </message>
    <message>
        <source>Error pages folder:</source>
        <translation>Dossier des pages d&apos;erreur :</translation>
    </message>
    <message>
        <source>Browsers get 404.html, 403.html, 401.html, 500.html… from this folder instead of Pier&apos;s own pages (404.de.html for one language). {status}, {reason} and {path} are filled in. Keep it outside a share that accepts uploads.</source>
        <translation>Les navigateurs reçoivent 404.html, 403.html, 401.html, 500.html… de ce dossier au lieu des pages de Pier (404.de.html pour une langue). {status}, {reason} et {path} sont remplis. Gardez-le hors d&apos;un partage qui accepte les envois.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>{problem}

Pier keeps running; please report this if it repeats.</source>
        <translation>{problem}

Pier continue de fonctionner ; merci de le signaler si cela se reproduit.</translation>
    </message>
    <message>
        <source>

Details were written to {file}.</source>
        <translation>

Les détails ont été écrits dans {file}.</translation>
    </message>
    <message>
        <source>Pier hit an unexpected problem</source>
        <translation>Pier a rencontré un problème inattendu</translation>
    </message>
</context>
<context>
    <name>FirstRunQuestion</name>
    <message>
        <source>Who should be able to open this?</source>
        <translation>Qui doit pouvoir l&apos;ouvrir ?</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Only browsers on this computer can open the share</source>
        <translation>Seuls les navigateurs de cet ordinateur peuvent ouvrir le partage</translation>
    </message>
    <message>
        <source>Devices on my network</source>
        <translation>Appareils de mon réseau</translation>
    </message>
    <message>
        <source>Phones, tablets and computers on the same Wi-Fi or network can open the share</source>
        <translation>Les téléphones, tablettes et ordinateurs du même Wi-Fi ou réseau peuvent ouvrir le partage</translation>
    </message>
    <message>
        <source>Pier asks once. Change it any time under “Who can connect”.</source>
        <translation>Pier ne le demande qu&apos;une fois. Modifiez-le à tout moment dans « Qui peut se connecter ».</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Make a new certificate</source>
        <translation>Créer un nouveau certificat</translation>
    </message>
    <message>
        <source>Pier makes a certificate for this computer&apos;s names and addresses, signed by its own local authority (CA). Devices that trust the CA keep trusting new certificates.</source>
        <translation>Pier crée un certificat pour les noms et adresses de cet ordinateur, signé par sa propre autorité locale (CA). Les appareils qui font confiance à la CA continuent de faire confiance aux nouveaux certificats.</translation>
    </message>
    <message>
        <source>e.g. nas.home.arpa, 192.168.1.50</source>
        <translation>p. ex. nas.home.arpa, 192.168.1.50</translation>
    </message>
    <message>
        <source>Extra names</source>
        <translation>Noms supplémentaires</translation>
    </message>
    <message>
        <source>Extra names:</source>
        <translation>Noms supplémentaires :</translation>
    </message>
    <message>
        <source>Use RSA keys instead of ECDSA (for very old devices)</source>
        <translation>Utiliser des clés RSA au lieu d&apos;ECDSA (pour les appareils très anciens)</translation>
    </message>
    <message>
        <source>One self-signed certificate, without a CA</source>
        <translation>Un certificat auto-signé, sans CA</translation>
    </message>
    <message>
        <source>Also make a new CA (devices must trust Pier again)</source>
        <translation>Créer aussi une nouvelle CA (les appareils devront à nouveau faire confiance à Pier)</translation>
    </message>
    <message>
        <source>Make certificate</source>
        <translation>Créer le certificat</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Used from the next start of Pier</source>
        <translation>Utilisée à partir du prochain démarrage de Pier</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Pier will use {language} the next time it starts.</source>
        <translation>Pier utilisera {language} à son prochain démarrage.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>Names other devices use to reach this share, such as pc.fritz.box or a VPN name. Requests for any other name are refused (protects against DNS rebinding).</source>
        <translation>Noms que les autres appareils utilisent pour joindre ce partage, comme pc.fritz.box ou un nom de VPN. Les requêtes pour tout autre nom sont refusées (protège contre le DNS rebinding).</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bande passante</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Qui peut se connecter</translation>
    </message>
    <message>
        <source>Finding the share</source>
        <translation>Trouver le partage</translation>
    </message>
    <message>
        <source>Error pages</source>
        <translation>Pages d&apos;erreur</translation>
    </message>
    <message>
        <source>Total download speed</source>
        <translation>Vitesse de téléchargement totale</translation>
    </message>
    <message>
        <source>Download speed per device</source>
        <translation>Vitesse de téléchargement par appareil</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Illimitée</translation>
    </message>
    <message>
        <source>Downloads at once per device</source>
        <translation>Téléchargements simultanés par appareil</translation>
    </message>
    <message>
        <source>Total download speed:</source>
        <translation>Vitesse de téléchargement totale :</translation>
    </message>
    <message>
        <source>Per device:</source>
        <translation>Par appareil :</translation>
    </message>
    <message>
        <source>Large downloads at once per device:</source>
        <translation>Gros téléchargements simultanés par appareil :</translation>
    </message>
    <message>
        <source>Applies at once, also to downloads already running. Small files and pages are never held back by the per-device download count.</source>
        <translation>S&apos;applique immédiatement, y compris aux téléchargements en cours. Les petits fichiers et les pages ne sont jamais retenus par le nombre de téléchargements par appareil.</translation>
    </message>
    <message>
        <source>Only allow these addresses and networks</source>
        <translation>N&apos;autoriser que ces adresses et réseaux</translation>
    </message>
    <message>
        <source>Only allow listed addresses</source>
        <translation>N&apos;autoriser que les adresses listées</translation>
    </message>
    <message>
        <source>Everyone else is refused when connecting</source>
        <translation>Tous les autres sont refusés à la connexion</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24, 10.0.0.7, ::1</source>
        <translation>p. ex. 192.168.1.0/24, 10.0.0.7, ::1</translation>
    </message>
    <message>
        <source>Allowed addresses and networks</source>
        <translation>Adresses et réseaux autorisés</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the allow-list</source>
        <translation>Appliquer la liste d&apos;autorisation</translation>
    </message>
    <message>
        <source>e.g. pc.fritz.box, laptop.vpn</source>
        <translation>p. ex. pc.fritz.box, laptop.vpn</translation>
    </message>
    <message>
        <source>Other names for this computer</source>
        <translation>Autres noms de cet ordinateur</translation>
    </message>
    <message>
        <source>Separate names with commas or spaces. Exact names only: no wildcards, scheme or port.</source>
        <translation>Séparez les noms par des virgules ou des espaces. Noms exacts uniquement : pas de jokers, de schéma ni de port.</translation>
    </message>
    <message>
        <source>Other names for this computer:</source>
        <translation>Autres noms de cet ordinateur :</translation>
    </message>
    <message>
        <source>Announce on the local network (mDNS)</source>
        <translation>Annoncer sur le réseau local (mDNS)</translation>
    </message>
    <message>
        <source>Announce on the local network</source>
        <translation>Annoncer sur le réseau local</translation>
    </message>
    <message>
        <source>Phones and computers on the network can find the share by name (Bonjour / Avahi), without typing an address</source>
        <translation>Les téléphones et ordinateurs du réseau peuvent trouver le partage par son nom (Bonjour / Avahi), sans saisir d&apos;adresse</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer may connect.</source>
        <translation>Toute personne pouvant joindre cet ordinateur peut se connecter.</translation>
    </message>
    <message>
        <source>In force: only {addresses}.</source>
        <translation>En vigueur : uniquement {addresses}.</translation>
    </message>
    <message>
        <source>Press Apply (or Enter) to put the new list in force.</source>
        <translation>Cliquez sur Appliquer (ou appuyez sur Entrée) pour mettre la nouvelle liste en vigueur.</translation>
    </message>
    <message>
        <source>{problem} Not saved.</source>
        <translation>{problem} Non enregistré.</translation>
    </message>
    <message>
        <source>Only the share&apos;s own names are accepted.</source>
        <translation>Seuls les noms propres au partage sont acceptés.</translation>
    </message>
    <message>
        <source>Also accepted once you leave the field: {names}.</source>
        <translation>Également acceptés dès que vous quittez le champ : {names}.</translation>
    </message>
    <message>
        <source>Also accepted from the next Start: {names}.</source>
        <translation>Également acceptés à partir du prochain démarrage : {names}.</translation>
    </message>
    <message>
        <source>Announced while sharing on the local network.</source>
        <translation>Annoncé pendant le partage sur le réseau local.</translation>
    </message>
    <message>
        <source>Not announced: devices need the address or the QR code.</source>
        <translation>Non annoncé : les appareils ont besoin de l&apos;adresse ou du code QR.</translation>
    </message>
    <message>
        <source>Not announced: the share is for this computer only.</source>
        <translation>Non annoncé : le partage est réservé à cet ordinateur.</translation>
    </message>
    <message>
        <source>Announced as “{name}”: look for it in the Files or Network view.</source>
        <translation>Annoncé sous le nom « {name} » : cherchez-le dans la vue Fichiers ou Réseau.</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>Annonce en cours…</translation>
    </message>
    <message>
        <source>The allow-list is empty, so nobody could connect. Add at least one address or network, e.g. 192.168.1.0/24.</source>
        <translation>La liste d&apos;autorisation est vide : personne ne pourrait se connecter. Ajoutez au moins une adresse ou un réseau, p. ex. 192.168.1.0/24.</translation>
    </message>
</context>
<context>
    <name>LinkService</name>
    <message>
        <source>Choose the folder to share first.</source>
        <translation>Choisissez d&apos;abord le dossier à partager.</translation>
    </message>
    <message>
        <source>Choose a file or folder inside the share.</source>
        <translation>Choisissez un fichier ou un dossier dans le partage.</translation>
    </message>
    <message>
        <source>{path} is not inside the shared folder {share}. A link can only give out something the share contains.</source>
        <translation>{path} n&apos;est pas dans le dossier partagé {share}. Un lien ne peut donner que ce que contient le partage.</translation>
    </message>
    <message>
        <source>{path} holds Pier&apos;s own files (settings, accounts, keys): it cannot be linked.</source>
        <translation>{path} contient les fichiers de Pier (réglages, comptes, clés) : impossible d&apos;en faire un lien.</translation>
    </message>
    <message>
        <source>Choose the date the link ends.</source>
        <translation>Choisissez la date de fin du lien.</translation>
    </message>
    <message>
        <source>Only a folder link can take uploads.</source>
        <translation>Seul un lien vers un dossier peut recevoir des envois.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>{count} of {allowed}</source>
        <translation>{count} sur {allowed}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>{who} at {time}</source>
        <translation>{who} à {time}</translation>
    </message>
    <message>
        <source>{who} on {date}</source>
        <translation>{who} le {date}</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>épuisé</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>New link…</source>
        <translation>Nouveau lien…</translation>
    </message>
    <message>
        <source>Make a link to one file or folder of the share (or drop it on the window)</source>
        <translation>Créer un lien vers un fichier ou un dossier du partage (ou le déposer sur la fenêtre)</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Address the links use</source>
        <translation>Adresse utilisée par les liens</translation>
    </message>
    <message>
        <source>Share links</source>
        <translation>Liens de partage</translation>
    </message>
    <message>
        <source>QR code of the selected link</source>
        <translation>Code QR du lien sélectionné</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s address</source>
        <translation>Copier l&apos;adresse du lien sélectionné</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revoke ends the link at once (downloads on it are cancelled); make a new link to give the item again</source>
        <translation>Révoquer met fin au lien immédiatement (ses téléchargements sont annulés) ; créez un nouveau lien pour redonner l&apos;élément</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Let PINs be tried again on this link (it was locked after 10 wrong PINs)</source>
        <translation>Permettre de réessayer des PIN sur ce lien (il a été verrouillé après 10 PIN erronés)</translation>
    </message>
    <message>
        <source>Choose a folder to share, then make links to what it holds.</source>
        <translation>Choisissez un dossier à partager, puis créez des liens vers son contenu.</translation>
    </message>
    <message>
        <source>Links can be made now; their addresses show once sharing has started.</source>
        <translation>Vous pouvez créer des liens dès maintenant ; leurs adresses s&apos;affichent dès que le partage a démarré.</translation>
    </message>
    <message>
        <source>Anyone with a link can open what it gives until it ends: send it to one person.</source>
        <translation>Toute personne disposant d&apos;un lien peut ouvrir ce qu&apos;il donne jusqu&apos;à sa fin : envoyez-le à une seule personne.</translation>
    </message>
    <message>
        <source>(once sharing)</source>
        <translation>(dès le partage)</translation>
    </message>
    <message>
        <source>Select a link to see its QR code.</source>
        <translation>Sélectionnez un lien pour voir son code QR.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>envois autorisés</translation>
    </message>
    <message>
        <source>The address and QR code show once sharing has started.</source>
        <translation>L&apos;adresse et le code QR s&apos;affichent dès que le partage a démarré.</translation>
    </message>
    <message>
        <source>Only this computer can open this share: no QR code.</source>
        <translation>Seul cet ordinateur peut ouvrir ce partage : pas de code QR.</translation>
    </message>
    <message>
        <source>No folder to share</source>
        <translation>Aucun dossier à partager</translation>
    </message>
    <message>
        <source>Choose the folder to share first: a link gives out something it holds.</source>
        <translation>Choisissez d&apos;abord le dossier à partager : un lien donne quelque chose qu&apos;il contient.</translation>
    </message>
    <message>
        <source>Could not revoke the link</source>
        <translation>Impossible de révoquer le lien</translation>
    </message>
    <message>
        <source>Could not unlock the link</source>
        <translation>Impossible de déverrouiller le lien</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>Settings not changed: {problem}</source>
        <translation>Réglages non modifiés : {problem}</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before at {address}.</source>
        <translation>Pier continue de partager comme avant à l&apos;adresse {address}.</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before.</source>
        <translation>Pier continue de partager comme avant.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Pas encore de comptes</translation>
    </message>
    <message>
        <source>Add an account, then turn “Require login” on again.</source>
        <translation>Ajoutez un compte, puis réactivez « Exiger une connexion ».</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Ouvrir Utilisateurs…</translation>
    </message>
    <message>
        <source>Could not change the share</source>
        <translation>Impossible de modifier le partage</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>401: login needed, or a wrong name or password</source>
        <translation>401 : connexion nécessaire, ou nom ou mot de passe erroné</translation>
    </message>
    <message>
        <source>429: locked out for a while after too many wrong passwords</source>
        <translation>429 : bloqué un moment après trop de mots de passe erronés</translation>
    </message>
    <message>
        <source>{size} (cut short)</source>
        <translation>{size} (interrompu)</translation>
    </message>
    <message>
        <source>{size} of {total}</source>
        <translation>{size} sur {total}</translation>
    </message>
    <message>
        <source>{file} (resumable upload, complete of {total})</source>
        <translation>{file} (envoi reprenable, terminé : {total})</translation>
    </message>
    <message>
        <source>{file} (resumable upload, {percent} of {total})</source>
        <translation>{file} (envoi reprenable, {percent} sur {total})</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Incomplet : le client a reçu {sent} octets (il est parti ou a cessé de lire, ou le fichier a changé)</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} of {total} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Incomplet : le client a reçu {sent} octets sur {total} (il est parti ou a cessé de lire, ou le fichier a changé)</translation>
    </message>
    <message>
        <source>{own} to answer; it also waited {waited} for a thumbnail being made (background work), {total} in all</source>
        <translation>{own} pour répondre ; elle a aussi attendu {waited} la création d&apos;une vignette (travail en arrière-plan), {total} au total</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Success (2xx)</source>
        <translation>Succès (2xx)</translation>
    </message>
    <message>
        <source>Redirects (3xx)</source>
        <translation>Redirections (3xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Erreurs client (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Erreurs serveur (5xx)</translation>
    </message>
    <message>
        <source>All errors (4xx, 5xx)</source>
        <translation>Toutes les erreurs (4xx, 5xx)</translation>
    </message>
    <message>
        <source>Filter by path, client, user, method, status or agent</source>
        <translation>Filtrer par chemin, client, utilisateur, méthode, statut ou agent</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Filtrer les requêtes</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation>Filtrer par client</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Mettre le journal en pause</translation>
    </message>
    <message>
        <source>Stop adding rows; nothing is lost meanwhile</source>
        <translation>Ne plus ajouter de lignes ; rien n&apos;est perdu entre-temps</translation>
    </message>
    <message>
        <source>Latest ↓</source>
        <translation>Plus récente ↓</translation>
    </message>
    <message>
        <source>Scroll to the latest request</source>
        <translation>Aller à la requête la plus récente</translation>
    </message>
    <message>
        <source>Jump to the newest request and follow the log</source>
        <translation>Aller à la requête la plus récente et suivre le journal</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Vider le journal</translation>
    </message>
    <message>
        <source>Remove all rows (Ctrl+L)</source>
        <translation>Supprimer toutes les lignes (Ctrl+L)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Exporter les requêtes visibles</translation>
    </message>
    <message>
        <source>Save the rows shown to CSV or JSON Lines</source>
        <translation>Enregistrer les lignes affichées en CSV ou JSON Lines</translation>
    </message>
    <message>
        <source>Show chunks</source>
        <translation>Voir morceaux</translation>
    </message>
    <message>
        <source>Show every request of resumable uploads</source>
        <translation>Afficher chaque requête des envois reprenables</translation>
    </message>
    <message>
        <source>A resumable upload is one row, updated as its chunks arrive; check to see each of its requests (PATCH, HEAD) as a row of its own</source>
        <translation>Un envoi reprenable occupe une ligne, mise à jour à l&apos;arrivée de ses morceaux ; cochez pour voir chacune de ses requêtes (PATCH, HEAD) sur sa propre ligne</translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Requêtes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <source>Select all requests</source>
        <translation>Sélectionner toutes les requêtes</translation>
    </message>
    <message>
        <source>No requests yet. They appear here as soon as someone opens the shared address.</source>
        <translation>Pas encore de requêtes. Elles apparaissent ici dès que quelqu&apos;un ouvre l&apos;adresse partagée.</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Détails de la requête sélectionnée</translation>
    </message>
    <message>
        <source>Select a request to see all its details here.</source>
        <translation>Sélectionnez une requête pour voir ici tous ses détails.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>Reprendre le journal</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <source>There are no requests in the log (or none match the filter).</source>
        <translation>Le journal ne contient aucune requête (ou aucune ne correspond au filtre).</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>Impossible d&apos;écrire {file} : {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shown</source>
        <translation>
            <numerusform>{shown} sur %n affichée</numerusform>
            <numerusform>{shown} sur %n affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n requête</numerusform>
            <numerusform>%n requêtes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n upload chunks folded</source>
        <translation>
            <numerusform> · %n morceau d&apos;envoi regroupé</numerusform>
            <numerusform> · %n morceaux d&apos;envoi regroupés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting (paused)</source>
        <translation>
            <numerusform> · %n en attente (en pause)</numerusform>
            <numerusform> · %n en attente (en pause)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>{size} ({bytes} bytes)</source>
        <translation>{size} ({bytes} octets)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Agent utilisateur</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Referer</source>
        <translation>Referer</translation>
    </message>
    <message>
        <source>{own}, and it waited {waited} for a thumbnail being made (background work, not a slow answer)</source>
        <translation>{own}, et elle a attendu {waited} la création d&apos;une vignette (travail en arrière-plan, pas une réponse lente)</translation>
    </message>
    <message>
        <source>, incomplete: cut short</source>
        <translation>, incomplet : interrompu</translation>
    </message>
    <message>
        <source>, incomplete: of {bytes} bytes</source>
        <translation>, incomplet : sur {bytes} octets</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Partage</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>&amp;Choisir un dossier…</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>&amp;Démarrer le partage</translation>
    </message>
    <message>
        <source>&amp;Users and passwords…</source>
        <translation>&amp;Utilisateurs et mots de passe…</translation>
    </message>
    <message>
        <source>HTTPS c&amp;ertificate…</source>
        <translation>C&amp;ertificat HTTPS…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Requêtes</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrer…</translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>Mettre en &amp;pause ou reprendre</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>&amp;Export visible rows…</source>
        <translation>&amp;Exporter les lignes visibles…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Para&amp;mètres</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Pier</source>
        <translation>À &amp;propos de Pier</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Plus de menus</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>Les réglages ont été réinitialisés</translation>
    </message>
    <message>
        <source>Choose a folder to share, then press Start.</source>
        <translation>Choisissez un dossier à partager, puis cliquez sur Démarrer.</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>&amp;Arrêter le partage</translation>
    </message>
    <message>
        <source>Pier — sharing {folder}</source>
        <translation>Pier — partage de {folder}</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Partage à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage en cours</translation>
    </message>
    <message>
        <source>Stopped sharing</source>
        <translation>Partage arrêté</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problème avec les comptes</translation>
    </message>
    <message>
        <source>Folder chosen. Press “Start sharing”.</source>
        <translation>Dossier choisi. Cliquez sur « Démarrer le partage ».</translation>
    </message>
    <message>
        <source>About Pier</source>
        <translation>À propos de Pier</translation>
    </message>
    <message>
        <source>Pier shares a folder with the devices on your local network.

Pick a folder, press Start sharing, then open the address shown (or scan the QR code) on another device.</source>
        <translation>Pier partage un dossier avec les appareils de votre réseau local.

Choisissez un dossier, cliquez sur « Démarrer le partage », puis ouvrez l&apos;adresse affichée (ou scannez le code QR) sur un autre appareil.</translation>
    </message>
</context>
<context>
    <name>MonitorTabs</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Limits &amp;&amp; access</source>
        <translation>Limites et accès</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>Collecte</translation>
    </message>
</context>
<context>
    <name>NewLinkDialog</name>
    <message>
        <source>New link</source>
        <translation>Nouveau lien</translation>
    </message>
    <message>
        <source>Give one file or folder of the share to someone for a while, without an account. Anyone with the link can open it until it ends.</source>
        <translation>Donnez un fichier ou un dossier du partage à quelqu&apos;un pour un temps, sans compte. Toute personne disposant du lien peut l&apos;ouvrir jusqu&apos;à sa fin.</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>Fichier ou dossier :</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>Se termine après :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Limite de téléchargements</translation>
    </message>
    <message>
        <source>The link ends after this many complete downloads (views and previews count too). A video player may fetch the end of a file first, which counts: allow a few downloads for a video</source>
        <translation>Le lien se termine après ce nombre de téléchargements complets (les affichages et aperçus comptent aussi). Un lecteur vidéo peut d&apos;abord récupérer la fin d&apos;un fichier, ce qui compte : autorisez quelques téléchargements pour une vidéo</translation>
    </message>
    <message>
        <source>Downloads:</source>
        <translation>Téléchargements :</translation>
    </message>
    <message>
        <source>No PIN (4 to 64 characters)</source>
        <translation>Pas de PIN (4 à 64 caractères)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Asked before the link opens; tell it to the person separately</source>
        <translation>Demandé avant l&apos;ouverture du lien ; communiquez-le séparément à la personne</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN :</translation>
    </message>
    <message>
        <source>People with the link may upload here</source>
        <translation>Les personnes disposant du lien peuvent envoyer des fichiers ici</translation>
    </message>
    <message>
        <source>A drop box: only for a folder</source>
        <translation>Une boîte de dépôt : uniquement pour un dossier</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Créer le lien</translation>
    </message>
    <message>
        <source>File or folder to link</source>
        <translation>Fichier ou dossier à lier</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <source>Choose a file inside the share</source>
        <translation>Choisissez un fichier dans le partage</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisissez un fichier</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Choisissez un dossier dans le partage</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisissez un dossier</translation>
    </message>
    <message>
        <source>Link ends after</source>
        <translation>Le lien se termine après</translation>
    </message>
    <message>
        <source>Last day of the link</source>
        <translation>Dernier jour du lien</translation>
    </message>
    <message>
        <source>The link works to the end of this day</source>
        <translation>Le lien fonctionne jusqu&apos;à la fin de ce jour</translation>
    </message>
    <message>
        <source>Choose a file to link</source>
        <translation>Choisissez un fichier à lier</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Jusqu&apos;à une date</translation>
    </message>
</context>
<context>
    <name>RateInput</name>
    <message>
        <source>Unlimited</source>
        <translation>Illimitée</translation>
    </message>
    <message>
        <source>{caption}, unit</source>
        <translation>{caption}, unité</translation>
    </message>
</context>
<context>
    <name>ReceivedTextBanner</name>
    <message>
        <source>A text arrived</source>
        <translation>Un texte est arrivé</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Put the whole text on the clipboard</source>
        <translation>Mettre tout le texte dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copy the text that arrived</source>
        <translation>Copier le texte arrivé</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Dismiss the text that arrived</source>
        <translation>Ignorer le texte arrivé</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Pier could not read its settings ({reason}).</source>
        <translation>Pier n&apos;a pas pu lire ses réglages ({reason}).</translation>
    </message>
    <message>
        <source>The settings file {file} was damaged ({reason}). Defaults are used.</source>
        <translation>Le fichier de réglages {file} était endommagé ({reason}). Les valeurs par défaut sont utilisées.</translation>
    </message>
    <message>
        <source> A copy was kept as {file}.</source>
        <translation> Une copie a été conservée sous {file}.</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>The shared folder is gone ({folder}): it was removed or renamed, or its disk was unplugged. Visitors see “This share is unavailable”. Sharing resumes by itself when the same folder is back.</source>
        <translation>Le dossier partagé a disparu ({folder}) : il a été supprimé ou renommé, ou son disque a été débranché. Les visiteurs voient « Ce partage est indisponible ». Le partage reprend tout seul quand le même dossier revient.</translation>
    </message>
    <message>
        <source>The shared folder is unavailable</source>
        <translation>Le dossier partagé est indisponible</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>nothing (log in first)</source>
        <translation>rien (connexion d&apos;abord)</translation>
    </message>
    <message>
        <source>look and download</source>
        <translation>regarder et télécharger</translation>
    </message>
    <message>
        <source>look, download and upload</source>
        <translation>regarder, télécharger et envoyer</translation>
    </message>
    <message>
        <source>look, download, upload and change</source>
        <translation>regarder, télécharger, envoyer, modifier</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>Réseau local</translation>
    </message>
    <message>
        <source>Not sharing</source>
        <translation>Pas de partage</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage en cours</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>1. Choose what to share</source>
        <translation>1. Choisissez ce que vous partagez</translation>
    </message>
    <message>
        <source>2. Start</source>
        <translation>2. Démarrer</translation>
    </message>
    <message>
        <source>Who can do what</source>
        <translation>Qui peut faire quoi</translation>
    </message>
    <message>
        <source>3. Open it on another device</source>
        <translation>3. Ouvrez-le sur un autre appareil</translation>
    </message>
    <message>
        <source>Choose a folder, or drop one on this window</source>
        <translation>Choisissez un dossier, ou déposez-en un sur cette fenêtre</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>Dossier à partager</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>Pick the folder to share</source>
        <translation>Choisir le dossier à partager</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Qui peut se connecter</translation>
    </message>
    <message>
        <source>“Local network” lets phones and other computers connect.</source>
        <translation>« Réseau local » permet aux téléphones et aux autres ordinateurs de se connecter.</translation>
    </message>
    <message>
        <source>Who can connect:</source>
        <translation>Qui peut se connecter :</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>N&apos;importe quel port libre</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>1 to 65535. “Any free port” (0) lets Pier pick one and keep it for the next starts.</source>
        <translation>De 1 à 65535. « N&apos;importe quel port libre » (0) laisse Pier en choisir un et le garder pour les prochains démarrages.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Show hidden files</source>
        <translation>Afficher les fichiers cachés</translation>
    </message>
    <message>
        <source>Also share names starting with “.”</source>
        <translation>Partager aussi les noms commençant par « . »</translation>
    </message>
    <message>
        <source>Website mode</source>
        <translation>Mode site web</translation>
    </message>
    <message>
        <source>Open a folder&apos;s index.html instead of its listing and run the share&apos;s pages and scripts as a website. Pages in the share, uploaded ones included, then run as this share with each visitor&apos;s login: turn it on only for files you trust, and not with uploads from others.</source>
        <translation>Ouvrir l&apos;index.html d&apos;un dossier au lieu de sa liste et exécuter les pages et scripts du partage comme un site web. Les pages du partage, y compris celles envoyées, s&apos;exécutent alors en tant que ce partage avec la connexion de chaque visiteur : activez-le uniquement pour des fichiers de confiance, et pas avec des envois d&apos;autres personnes.</translation>
    </message>
    <message>
        <source>Require login</source>
        <translation>Exiger une connexion</translation>
    </message>
    <message>
        <source>Only people with an account (Users…) get in</source>
        <translation>Seules les personnes ayant un compte (Utilisateurs…) peuvent entrer</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Utilisateurs…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Add and manage accounts (Ctrl+U)</source>
        <translation>Ajouter et gérer les comptes (Ctrl+U)</translation>
    </message>
    <message>
        <source>Visitors without an account may</source>
        <translation>Les visiteurs sans compte peuvent</translation>
    </message>
    <message>
        <source>Visitors without an account may:</source>
        <translation>Visiteurs sans compte :</translation>
    </message>
    <message>
        <source>Allow uploads</source>
        <translation>Autoriser les envois</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the upload permission) may add files and folders</source>
        <translation>Les visiteurs (ou les comptes ayant l&apos;autorisation d&apos;envoi) peuvent ajouter des fichiers et des dossiers</translation>
    </message>
    <message>
        <source>Allow changes</source>
        <translation>Autoriser les modifications</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the “change” permission) may rename, move and delete files and folders, and uploads may replace a file of the same name. Deleted items go to this computer&apos;s trash</source>
        <translation>Les visiteurs (ou les comptes ayant l&apos;autorisation « modifier ») peuvent renommer, déplacer et supprimer des fichiers et des dossiers, et les envois peuvent remplacer un fichier du même nom. Les éléments supprimés vont dans la corbeille de cet ordinateur</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>aucune limite</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Largest upload</source>
        <translation>Envoi maximal</translation>
    </message>
    <message>
        <source>Larger uploads are refused before they are sent</source>
        <translation>Les envois plus gros sont refusés avant d&apos;être transmis</translation>
    </message>
    <message>
        <source>Largest:</source>
        <translation>Maximum :</translation>
    </message>
    <message>
        <source>Allow permanent deletes where there is no trash</source>
        <translation>Sans corbeille, autoriser la suppression</translation>
    </message>
    <message>
        <source>Some disks (network folders) have no trash: a delete there is refused unless this is on, and then it cannot be undone</source>
        <translation>Certains disques (dossiers réseau) n&apos;ont pas de corbeille : une suppression y est refusée sauf si ceci est activé, et elle est alors irréversible</translation>
    </message>
    <message>
        <source>HTTPS (encrypted)</source>
        <translation>HTTPS (chiffré)</translation>
    </message>
    <message>
        <source>Devices must trust Pier&apos;s certificate once (Certificate…)</source>
        <translation>Les appareils doivent faire confiance une fois au certificat de Pier (Certificat…)</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>Certificat…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>See, make or import the HTTPS certificate</source>
        <translation>Voir, créer ou importer le certificat HTTPS</translation>
    </message>
    <message>
        <source>Now: {summary}</source>
        <translation>Actuellement : {summary}</translation>
    </message>
    <message>
        <source>Will share with: {summary}</source>
        <translation>Le partage aura : {summary}</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Démarrer le partage</translation>
    </message>
    <message>
        <source>for {time}</source>
        <translation>depuis {time}</translation>
    </message>
</context>
<context>
    <name>ShareTextDialog</name>
    <message>
        <source>Share text</source>
        <translation>Partager un texte</translation>
    </message>
    <message>
        <source>Everyone who may read the share sees this text on top of the page, with a Copy button, until you clear it or sharing stops.</source>
        <translation>Toute personne pouvant lire le partage voit ce texte en haut de la page, avec un bouton Copier, jusqu&apos;à ce que vous l&apos;effaciez ou que le partage s&apos;arrête.</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>Texte à partager</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Share this text</source>
        <translation>Partager ce texte</translation>
    </message>
</context>
<context>
    <name>SharedTextBar</name>
    <message>
        <source>Share text…</source>
        <translation>Partager un texte…</translation>
    </message>
    <message>
        <source>Show a text on the page, for everyone who may read it</source>
        <translation>Afficher un texte sur la page, pour toute personne pouvant la lire</translation>
    </message>
    <message>
        <source>Share text</source>
        <translation>Partager un texte</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Clear the shared text</source>
        <translation>Effacer le texte partagé</translation>
    </message>
    <message>
        <source>On the page: {text}</source>
        <translation>Sur la page : {text}</translation>
    </message>
    <message>
        <source>No text on the page. Share one for everyone who reads the share.</source>
        <translation>Aucun texte sur la page. Partagez-en un pour toutes les personnes qui lisent le partage.</translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <source>Invalid port</source>
        <translation>Port non valide</translation>
    </message>
    <message>
        <source>Cannot share this folder</source>
        <translation>Impossible de partager ce dossier</translation>
    </message>
    <message>
        <source>{problem}

Add an account now, then press Start again.</source>
        <translation>{problem}

Ajoutez un compte maintenant, puis cliquez à nouveau sur Démarrer.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Pas encore de comptes</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Ouvrir Utilisateurs…</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problème avec les comptes</translation>
    </message>
    <message>
        <source>{problem}

Open Share ▸ HTTPS certificate… to make a new certificate or import another one, or turn HTTPS off.</source>
        <translation>{problem}

Ouvrez Partage ▸ Certificat HTTPS… pour créer un nouveau certificat ou en importer un autre, ou désactivez HTTPS.</translation>
    </message>
    <message>
        <source>HTTPS certificate problem</source>
        <translation>Problème de certificat HTTPS</translation>
    </message>
    <message>
        <source>Could not start sharing</source>
        <translation>Impossible de démarrer le partage</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Port occupé</translation>
    </message>
    <message>
        <source>{problem}

Another program is using port {port}. Pier can pick a free port instead.</source>
        <translation>{problem}

Un autre programme utilise le port {port}. Pier peut choisir un port libre à la place.</translation>
    </message>
    <message>
        <source>Port not allowed</source>
        <translation>Port non autorisé</translation>
    </message>
    <message>
        <source>{problem}

Ports below 1024 need administrator rights on this system. Pier can pick a free port instead.</source>
        <translation>{problem}

Les ports inférieurs à 1024 nécessitent des droits d&apos;administrateur sur ce système. Pier peut choisir un port libre à la place.</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>Utiliser un port libre</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n devices are connected</source>
        <translation>
            <numerusform>%n appareil est connecté</numerusform>
            <numerusform>%n appareils sont connectés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfers are running</source>
        <translation>
            <numerusform>%n transfert est en cours</numerusform>
            <numerusform>%n transferts sont en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>{connected} and {running}</source>
        <translation>{connected} et {running}</translation>
    </message>
    <message>
        <source>No login: anyone who connects may download</source>
        <translation>Sans connexion : toute personne qui se connecte peut télécharger</translation>
    </message>
    <message>
        <source>Login required</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download, upload and rename, move and delete</source>
        <translation>Connexion pour les comptes · les visiteurs peuvent regarder, télécharger, envoyer ainsi que renommer, déplacer et supprimer</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and upload</source>
        <translation>Connexion pour les comptes · les visiteurs peuvent regarder, télécharger et envoyer</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and rename, move and delete</source>
        <translation>Connexion pour les comptes · les visiteurs peuvent regarder, télécharger ainsi que renommer, déplacer et supprimer</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look and download</source>
        <translation>Connexion pour les comptes · les visiteurs peuvent regarder et télécharger</translation>
    </message>
    <message>
        <source>download only</source>
        <translation>téléchargement uniquement</translation>
    </message>
    <message>
        <source>anyone may upload, rename, move and delete</source>
        <translation>tout le monde peut envoyer, renommer, déplacer et supprimer</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>envois autorisés</translation>
    </message>
    <message>
        <source>anyone may rename, move and delete</source>
        <translation>tout le monde peut renommer, déplacer et supprimer</translation>
    </message>
    <message>
        <source>accounts with “upload” may add files</source>
        <translation>les comptes avec « envoyer » peuvent ajouter des fichiers</translation>
    </message>
    <message>
        <source>accounts with “change” may rename, move and delete</source>
        <translation>les comptes avec « modifier » peuvent renommer, déplacer et supprimer</translation>
    </message>
    <message>
        <source> (deleted items go to the trash, or for good where there is none)</source>
        <translation> (les éléments supprimés vont dans la corbeille, ou sont définitivement supprimés là où il n&apos;y en a pas)</translation>
    </message>
    <message>
        <source> (deleted items go to the trash)</source>
        <translation> (les éléments supprimés vont dans la corbeille)</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>HTTP simple (non chiffré)</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share, uploaded ones too</source>
        <translation>mode site web : les pages du partage s&apos;exécutent en tant que partage, y compris celles envoyées</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share</source>
        <translation>mode site web : les pages du partage s&apos;exécutent en tant que partage</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Partage à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage en cours</translation>
    </message>
    <message>
        <source>Now sharing on this computer only at {address}</source>
        <translation>Partage désormais sur cet ordinateur uniquement, à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing on this computer only</source>
        <translation>Partage désormais sur cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Now sharing on the local network at {address}</source>
        <translation>Partage désormais sur le réseau local, à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing on the local network</source>
        <translation>Partage désormais sur le réseau local</translation>
    </message>
    <message>
        <source>Now sharing {folder} at {address}</source>
        <translation>Partage désormais {folder} à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing {folder}</source>
        <translation>Partage désormais {folder}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS at {address}</source>
        <translation>Partage désormais en HTTPS à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS</source>
        <translation>Partage désormais en HTTPS</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted) at {address}</source>
        <translation>Partage désormais sans HTTPS (non chiffré) à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted)</source>
        <translation>Partage désormais sans HTTPS (non chiffré)</translation>
    </message>
    <message>
        <source>Now sharing at {address}</source>
        <translation>Partage désormais à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Now sharing</source>
        <translation>Partage en cours</translation>
    </message>
    <message>
        <source>New settings apply now, from the next request</source>
        <translation>Les nouveaux réglages s&apos;appliquent dès maintenant, à partir de la prochaine requête</translation>
    </message>
</context>
<context>
    <name>TextBanners</name>
    <message>
        <source>Text from {who}, saved as {file}:</source>
        <translation>Texte de {who}, enregistré sous {file} :</translation>
    </message>
</context>
<context>
    <name>TextControls</name>
    <message>
        <source>Share &amp;text…</source>
        <translation>Partager un &amp;texte…</translation>
    </message>
    <message>
        <source>Share the clipboard&apos;s text</source>
        <translation>Partager le texte du presse-papiers</translation>
    </message>
    <message>
        <source>C&amp;lear shared text</source>
        <translation>Effacer le te&amp;xte partagé</translation>
    </message>
</context>
<context>
    <name>TrafficTexts</name>
    <message numerus="yes">
        <source>In the cache: {size} in %n files. </source>
        <translation>
            <numerusform>En cache : {size} dans %n fichier. </numerusform>
            <numerusform>En cache : {size} dans %n fichiers. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Errors (4xx/5xx)</source>
        <translation>Erreurs (4xx/5xx)</translation>
    </message>
    <message>
        <source>Connections now</source>
        <translation>Connexions en cours</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>Latence p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Thumbnails are made in the background, so downloads stay fast. Requests for them are counted here rather than in the busiest paths, and the time one waited for a thumbnail being made is not counted as slowness.</source>
        <translation>Les vignettes sont créées en arrière-plan, pour que les téléchargements restent rapides. Leurs requêtes sont comptées ici plutôt que dans les chemins les plus demandés, et le temps passé à attendre la création d&apos;une vignette n&apos;est pas compté comme de la lenteur.</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>{count} being made</source>
        <translation>{count} en cours</translation>
    </message>
    <message>
        <source>{count} made</source>
        <translation>{count} créées</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} en échec</translation>
    </message>
    <message>
        <source>{count} served</source>
        <translation>{count} servies</translation>
    </message>
    <message>
        <source>Thumbnails: {work}</source>
        <translation>Vignettes : {work}</translation>
    </message>
    <message>
        <source>none made yet</source>
        <translation>aucune créée pour l&apos;instant</translation>
    </message>
    <message>
        <source>Answered from memory {memory} times, from the disk {disk} times. Failed: files that gave no picture (broken, too large, or a video that cannot be read); visitors see an icon.</source>
        <translation>Servies depuis la mémoire {memory} fois, depuis le disque {disk} fois. En échec : fichiers qui n&apos;ont donné aucune image (endommagés, trop volumineux, ou une vidéo illisible) ; les visiteurs voient une icône.</translation>
    </message>
    <message>
        <source>Charts update once a second while sharing.</source>
        <translation>Les graphiques se mettent à jour une fois par seconde pendant le partage.</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Connexions actives</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Erreurs/s</translation>
    </message>
    <message>
        <source>Most requested paths</source>
        <translation>Chemins les plus demandés</translation>
    </message>
    <message>
        <source>Paths by data sent</source>
        <translation>Chemins par données envoyées</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Not sharing</source>
        <translation>Pas de partage</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l&apos;adresse</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Démarrer le partage</translation>
    </message>
    <message>
        <source>Open window</source>
        <translation>Ouvrir la fenêtre</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Partage à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Pier — sharing at {address}</source>
        <translation>Pier — partage à l&apos;adresse {address}</translation>
    </message>
    <message>
        <source>Pier — not sharing</source>
        <translation>Pier — pas de partage</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>Digest is only for old apps that cannot log in over HTTPS; leave it off unless one needs it, because Pier must then keep a password-equivalent secret for this account.</source>
        <translation>Digest ne sert qu&apos;aux anciennes applications qui ne peuvent pas se connecter en HTTPS ; laissez-le désactivé sauf si l&apos;une d&apos;elles en a besoin, car Pier doit alors conserver pour ce compte un secret équivalent au mot de passe.</translation>
    </message>
    <message>
        <source>Turning Digest on takes effect after the next password change or normal login of this user.</source>
        <translation>L&apos;activation de Digest prend effet après le prochain changement de mot de passe ou la prochaine connexion normale de cet utilisateur.</translation>
    </message>
    <message>
        <source>At least {count} characters. A few unrelated words are strong and easy to type on a phone.</source>
        <translation>Au moins {count} caractères. Quelques mots sans rapport entre eux sont robustes et faciles à saisir sur un téléphone.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Nouveau mot de passe pour {name}</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ex. alice</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répéter le mot de passe</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter :</translation>
    </message>
    <message>
        <source>What this user may do</source>
        <translation>Ce que cet utilisateur peut faire</translation>
    </message>
    <message>
        <source>See and download files</source>
        <translation>Voir et télécharger des fichiers</translation>
    </message>
    <message>
        <source>Upload files and make folders (when the share allows uploads)</source>
        <translation>Envoyer des fichiers et créer des dossiers (quand le partage autorise les envois)</translation>
    </message>
    <message>
        <source>Change and delete: rename, move, delete and replace files (when the share allows changes)</source>
        <translation>Modifier et supprimer : renommer, déplacer, supprimer et remplacer des fichiers (quand le partage autorise les modifications)</translation>
    </message>
    <message>
        <source>Account enabled (may log in)</source>
        <translation>Compte activé (peut se connecter)</translation>
    </message>
    <message>
        <source>In the whole shared folder</source>
        <translation>Dans tout le dossier partagé</translation>
    </message>
    <message>
        <source>Only in these folders:</source>
        <translation>Uniquement dans ces dossiers :</translation>
    </message>
    <message>
        <source>Allowed folders</source>
        <translation>Dossiers autorisés</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Pick a folder inside the share</source>
        <translation>Choisir un dossier dans le partage</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Retirer le dossier</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <source>Last day the account works</source>
        <translation>Dernier jour de validité du compte</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Advanced: Digest login</source>
        <translation>Avancé : connexion Digest</translation>
    </message>
    <message>
        <source>Allow Digest login (SHA-256)</source>
        <translation>Autoriser la connexion Digest (SHA-256)</translation>
    </message>
    <message>
        <source>Also MD5, for old clients</source>
        <translation>MD5 aussi, pour les anciens clients</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Saisissez un nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Saisissez un mot de passe.</translation>
    </message>
    <message>
        <source>The password is too weak. {advice}</source>
        <translation>Le mot de passe est trop faible. {advice}</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Add at least one folder, or choose “In the whole shared folder”.</source>
        <translation>Ajoutez au moins un dossier, ou choisissez « Dans tout le dossier partagé ».</translation>
    </message>
    <message>
        <source>Choose the shared folder first</source>
        <translation>Choisissez d&apos;abord le dossier partagé</translation>
    </message>
    <message>
        <source>Folders are picked inside the shared folder. Choose the folder to share in the main window first.</source>
        <translation>Les dossiers se choisissent dans le dossier partagé. Choisissez d&apos;abord le dossier à partager dans la fenêtre principale.</translation>
    </message>
    <message>
        <source>Not inside the share</source>
        <translation>Pas dans le partage</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>(off for this share)</source>
        <translation>(désactivé pour ce partage)</translation>
    </message>
    <message>
        <source>Uploads are turned off for this share (“Allow uploads” in the main window), so nobody can upload now, whatever their permission says.</source>
        <translation>Les envois sont désactivés pour ce partage (« Autoriser les envois » dans la fenêtre principale) : personne ne peut donc envoyer pour l&apos;instant, quelle que soit son autorisation.</translation>
    </message>
    <message>
        <source>Changes are turned off for this share (“Allow changes” in the main window), so nobody can rename, move or delete now, whatever their permission says.</source>
        <translation>Les modifications sont désactivées pour ce partage (« Autoriser les modifications » dans la fenêtre principale) : personne ne peut donc renommer, déplacer ou supprimer pour l&apos;instant, quelle que soit son autorisation.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>envoyer</translation>
    </message>
    <message>
        <source>change</source>
        <translation>modifier</translation>
    </message>
    <message>
        <source>download</source>
        <translation>télécharger</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
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
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Users — Pier</source>
        <translation>Utilisateurs — Pier</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Bloqués</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Scroll the tabs</source>
        <translation>Faire défiler les onglets</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Sélectionner toutes les lignes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>People with an account log in with their name and password when “Require login” is on in the main window. Changes apply at once, even while sharing.</source>
        <translation>Les personnes ayant un compte se connectent avec leur nom et leur mot de passe quand « Exiger une connexion » est activé dans la fenêtre principale. Les modifications s&apos;appliquent immédiatement, même pendant le partage.</translation>
    </message>
    <message>
        <source>No accounts yet. Press “Add user…” to create one.</source>
        <translation>Pas encore de comptes. Cliquez sur « Ajouter un utilisateur… » pour en créer un.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Change permissions, folders, expiry</source>
        <translation>Modifier les autorisations, les dossiers, l&apos;expiration</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Changer le mot de passe…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Stop or allow this account&apos;s logins</source>
        <translation>Bloquer ou autoriser les connexions de ce compte</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>whole share</source>
        <translation>tout le partage</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Could not add the user</source>
        <translation>Impossible d&apos;ajouter l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Adding {name} (hashing the password)…</source>
        <translation>Ajout de {name} (hachage du mot de passe)…</translation>
    </message>
    <message>
        <source>Could not change the user</source>
        <translation>Impossible de modifier l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Enregistrement de {name}…</translation>
    </message>
    <message>
        <source>Could not change the password</source>
        <translation>Impossible de changer le mot de passe</translation>
    </message>
    <message>
        <source>Changing the password of {name}…</source>
        <translation>Changement du mot de passe de {name}…</translation>
    </message>
    <message>
        <source>Delete the account?</source>
        <translation>Supprimer le compte ?</translation>
    </message>
    <message>
        <source>Delete the account “{name}”? This user will no longer be able to log in.</source>
        <translation>Supprimer le compte « {name} » ? Cet utilisateur ne pourra plus se connecter.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Could not delete the user</source>
        <translation>Impossible de supprimer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>Suppression de {name}…</translation>
    </message>
    <message>
        <source>Who is locked out appears here while sharing with “Require login” on.</source>
        <translation>Les personnes bloquées apparaissent ici pendant un partage avec « Exiger une connexion » activé.</translation>
    </message>
    <message>
        <source>Nobody is locked out. After 5 wrong passwords, an address or a user name must wait before trying again.</source>
        <translation>Personne n&apos;est bloqué. Après 5 mots de passe erronés, une adresse ou un nom d&apos;utilisateur doit attendre avant de réessayer.</translation>
    </message>
    <message>
        <source>These addresses and user names typed wrong passwords too often and must wait. Release lets them try now.</source>
        <translation>Ces adresses et noms d&apos;utilisateur ont saisi trop souvent un mauvais mot de passe et doivent attendre. « Libérer » leur permet de réessayer maintenant.</translation>
    </message>
    <message>
        <source>Locked out ({count})</source>
        <translation>Bloqués ({count})</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Let this address or user try again now</source>
        <translation>Permettre à cette adresse ou à cet utilisateur de réessayer maintenant</translation>
    </message>
    <message>
        <source>Release {who}</source>
        <translation>Libérer {who}</translation>
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
        <translation>WEP (ancien)</translation>
    </message>
    <message>
        <source>None (open network)</source>
        <translation>Aucune (réseau ouvert)</translation>
    </message>
    <message>
        <source>Get the phone on this Wi-Fi</source>
        <translation>Connecter le téléphone à ce Wi-Fi</translation>
    </message>
    <message>
        <source>Type your Wi-Fi&apos;s details; the phone joins it by scanning the code. Pier keeps none of them.</source>
        <translation>Saisissez les informations de votre Wi-Fi ; le téléphone s&apos;y connecte en scannant le code. Pier n&apos;en conserve aucune.</translation>
    </message>
    <message>
        <source>Wi-Fi name (SSID)</source>
        <translation>Nom du Wi-Fi (SSID)</translation>
    </message>
    <message>
        <source>Wi-Fi security</source>
        <translation>Sécurité du Wi-Fi</translation>
    </message>
    <message>
        <source>Wi-Fi password</source>
        <translation>Mot de passe du Wi-Fi</translation>
    </message>
    <message>
        <source>Hidden network</source>
        <translation>Réseau masqué</translation>
    </message>
    <message>
        <source>Name (SSID):</source>
        <translation>Nom (SSID) :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Show Wi-Fi code</source>
        <translation>Afficher le code Wi-Fi</translation>
    </message>
    <message>
        <source>QR code to join the Wi-Fi</source>
        <translation>Code QR pour rejoindre le Wi-Fi</translation>
    </message>
</context>
</TS>
