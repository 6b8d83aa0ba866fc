<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Accounts</name>
    <message>
        <source>{folder} is not inside the shared folder {share}. Choose a folder inside it.</source>
        <translation>{folder} no está dentro de la carpeta compartida {share}. Elija una carpeta dentro de ella.</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>This system has no “xdg-open”, which Pier uses to find your web browser (on Debian or Ubuntu it comes with the xdg-utils package).</source>
        <translation>Este sistema no tiene «xdg-open», que Pier usa para encontrar su navegador web (en Debian o Ubuntu viene con el paquete xdg-utils).</translation>
    </message>
    <message>
        <source>No default web browser is set up, or it did not start.</source>
        <translation>No hay ningún navegador web predeterminado configurado, o no se ha iniciado.</translation>
    </message>
    <message>
        <source>Port changed</source>
        <translation>Puerto cambiado</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Dejar entrar a los dispositivos de mi red</translation>
    </message>
    <message>
        <source>Share with phones and other computers on this network (restarts the share on the local network)</source>
        <translation>Compartir con teléfonos y otros ordenadores de esta red (reinicia el uso compartido en la red local)</translation>
    </message>
    <message>
        <source>Addresses of the share</source>
        <translation>Direcciones del recurso compartido</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Copy the selected address</source>
        <translation>Copiar la dirección seleccionada</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Open the selected address in your browser</source>
        <translation>Abrir la dirección seleccionada en su navegador</translation>
    </message>
    <message>
        <source>Connect as a drive…</source>
        <translation>Conectar como unidad…</translation>
    </message>
    <message>
        <source>Open this share as a network drive: the address to type on Windows, macOS, Linux or in rclone</source>
        <translation>Abrir este recurso compartido como unidad de red: la dirección que hay que escribir en Windows, macOS, Linux o en rclone</translation>
    </message>
    <message>
        <source>Phone can&apos;t connect?</source>
        <translation>¿El teléfono no se conecta?</translation>
    </message>
    <message>
        <source>Test the connection from your phone and find out what stops it (firewall, network, VPN)</source>
        <translation>Pruebe la conexión desde su teléfono y averigüe qué la impide (cortafuegos, red, VPN)</translation>
    </message>
    <message>
        <source>QR code of the selected address</source>
        <translation>Código QR de la dirección seleccionada</translation>
    </message>
    <message>
        <source>Address in the QR code</source>
        <translation>Dirección del código QR</translation>
    </message>
    <message>
        <source>The addresses to open appear here once sharing has started.</source>
        <translation>Las direcciones que se pueden abrir aparecen aquí en cuanto empieza el uso compartido.</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses, so there is no QR code: a phone could not use it.</source>
        <translation>Solo este ordenador puede abrir estas direcciones, así que no hay código QR: un teléfono no podría usarlo.</translation>
    </message>
    <message>
        <source>Open an address on a device in the same network, or scan the code with a phone:</source>
        <translation>Abra una dirección en un dispositivo de la misma red, o escanee el código con un teléfono:</translation>
    </message>
    <message>
        <source>Could not open a browser</source>
        <translation>No se pudo abrir un navegador</translation>
    </message>
    <message>
        <source>Pier asked the system to open {url} in a web browser, but none opened. {why}

Copy the address (Copy address) and paste it into a browser instead.</source>
        <translation>Pier pidió al sistema que abriera {url} en un navegador web, pero no se abrió ninguno. {why}

Copie la dirección (Copiar dirección) y péguela en un navegador.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>HTTPS certificate — Pier</source>
        <translation>Certificado HTTPS — Pier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exactly one:&lt;/b&gt; the phone must show exactly ONE certificate, named “Pier local CA…”, in the profile or file it installs. If it shows more, remove it: a copy changed on the way could carry a second authority.</source>
        <translation>&lt;b&gt;Exactamente uno:&lt;/b&gt; el teléfono debe mostrar exactamente UN certificado, llamado «Pier local CA…», en el perfil o archivo que instala. Si muestra más, elimínelo: una copia alterada por el camino podría llevar una segunda autoridad.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate</source>
        <translation>Certificado de este ordenador</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Creado por:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Nombres:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Válido:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Pier&apos;s local authority (CA): what devices trust</source>
        <translation>Autoridad local (CA) de Pier: en la que confían los dispositivos</translation>
    </message>
    <message>
        <source>Replace certificate authority…</source>
        <translation>Reemplazar la autoridad de certificación…</translation>
    </message>
    <message>
        <source>Make a new CA limited to web servers; every device must trust it again</source>
        <translation>Crear una CA nueva limitada a servidores web; todos los dispositivos deberán volver a confiar en ella</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trust on a phone&lt;/b&gt;</source>
        <translation>&lt;b&gt;Confiar en un teléfono&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Make new certificate…</source>
        <translation>Crear un certificado nuevo…</translation>
    </message>
    <message>
        <source>Generate (or regenerate) the certificate</source>
        <translation>Generar (o regenerar) el certificado</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Use your own certificate and key (PEM)</source>
        <translation>Usar su propio certificado y clave (PEM)</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own</source>
        <translation>Usar el de Pier</translation>
    </message>
    <message>
        <source>Stop using the imported certificate</source>
        <translation>Dejar de usar el certificado importado</translation>
    </message>
    <message>
        <source>Export CA certificate…</source>
        <translation>Exportar el certificado de la CA…</translation>
    </message>
    <message>
        <source>Save the CA certificate to install it on devices</source>
        <translation>Guardar el certificado de la CA para instalarlo en los dispositivos</translation>
    </message>
    <message>
        <source>Cannot read the certificate</source>
        <translation>No se puede leer el certificado</translation>
    </message>
    <message>
        <source>Reading the certificate…</source>
        <translation>Leyendo el certificado…</translation>
    </message>
    <message>
        <source>No certificate yet. It is made when you first share with HTTPS, or press “Make new certificate…”.</source>
        <translation>Todavía no hay certificado. Se crea la primera vez que comparte con HTTPS, o al pulsar «Crear un certificado nuevo…».</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>Regenerar…</translation>
    </message>
    <message>
        <source>Pier (generated, self-signed)</source>
        <translation>Pier (generado, autofirmado)</translation>
    </message>
    <message>
        <source>Pier (generated, signed by Pier&apos;s CA)</source>
        <translation>Pier (generado, firmado por la CA de Pier)</translation>
    </message>
    <message>
        <source>Imported: {subject}</source>
        <translation>Importado: {subject}</translation>
    </message>
    <message>
        <source>No CA: the certificate is self-signed or imported without one. Devices must trust it directly.</source>
        <translation>Sin CA: el certificado es autofirmado o se importó sin CA. Los dispositivos deben confiar directamente en él.</translation>
    </message>
    <message>
        <source>Replace the certificate authority (below) first: phones are not offered one an older Pier made.</source>
        <translation>Primero sustituya la autoridad de certificación (abajo): a los teléfonos no se les ofrece una creada por un Pier antiguo.</translation>
    </message>
    <message>
        <source>The running share still hands out the previous CA. Stop and start sharing, then scan the code.</source>
        <translation>El uso compartido en curso todavía entrega la CA anterior. Deje de compartir y vuelva a empezar, y luego escanee el código.</translation>
    </message>
    <message>
        <source>Devices must trust again</source>
        <translation>Los dispositivos deberán volver a confiar</translation>
    </message>
    <message>
        <source>Make it</source>
        <translation>Crearlo</translation>
    </message>
    <message>
        <source>Cannot make the certificate</source>
        <translation>No se puede crear el certificado</translation>
    </message>
    <message>
        <source>Making the certificate…</source>
        <translation>Creando el certificado…</translation>
    </message>
    <message>
        <source>Imported. Sharing with HTTPS uses it from now on.</source>
        <translation>Importado. Compartir con HTTPS lo usa a partir de ahora.</translation>
    </message>
    <message>
        <source>Pier&apos;s own certificate is used from now on.</source>
        <translation>A partir de ahora se usa el certificado propio de Pier.</translation>
    </message>
    <message>
        <source>With HTTPS on, devices check this certificate. Let each device trust Pier&apos;s local authority (CA) once: scan the code with a phone and follow the page it opens (or copy the exported file to the device), then compare the CA fingerprint shown here with the one the device shows.</source>
        <translation>Con HTTPS activado, los dispositivos comprueban este certificado. Haga que cada dispositivo confíe una vez en la autoridad local (CA) de Pier: escanee el código con un teléfono y siga la página que se abre (o copie en el dispositivo el archivo exportado) y luego compare la huella de la CA que se muestra aquí con la que muestra el dispositivo.</translation>
    </message>
    <message>
        <source>QR code of the trust page&apos;s address</source>
        <translation>Código QR de la dirección de la página de confianza</translation>
    </message>
    <message>
        <source>While sharing with HTTPS and Pier&apos;s own certificate, a code appears here: scan it on a phone to install the CA.</source>
        <translation>Mientras se comparte con HTTPS y el certificado propio de Pier, aquí aparece un código: escanéelo con un teléfono para instalar la CA.</translation>
    </message>
    <message>
        <source>Scan with the phone to open the steps:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</source>
        <translation>Escanee con el teléfono para abrir los pasos:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</translation>
    </message>
    <message>
        <source>New certificate made; a share running with HTTPS uses it now.</source>
        <translation>Certificado nuevo creado; un uso compartido con HTTPS en curso ya lo usa.</translation>
    </message>
    <message>
        <source>http://&lt;this computer&apos;s address&gt;:&lt;port&gt;/.well-known/pier/trust</source>
        <translation>http://&lt;dirección de este equipo&gt;:&lt;puerto&gt;/.well-known/pier/trust</translation>
    </message>
    <message>
        <source>Replace the certificate authority?</source>
        <translation>¿Reemplazar la autoridad de certificación?</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>Reemplazarla</translation>
    </message>
    <message>
        <source>Cannot replace the certificate authority</source>
        <translation>No se puede reemplazar la autoridad de certificación</translation>
    </message>
    <message>
        <source>Making a new certificate authority…</source>
        <translation>Creando una autoridad de certificación nueva…</translation>
    </message>
    <message>
        <source>New certificate authority made; the old one&apos;s key was destroyed. Let every device trust the new one (remove the old one there).</source>
        <translation>Nueva autoridad de certificación creada; la clave de la antigua se ha destruido. Haga que cada dispositivo confíe en la nueva (y elimine allí la antigua).</translation>
    </message>
    <message>
        <source>Choose the certificate (PEM)</source>
        <translation>Elija el certificado (PEM)</translation>
    </message>
    <message>
        <source>Choose its private key (PEM)</source>
        <translation>Elija su clave privada (PEM)</translation>
    </message>
    <message>
        <source>Checking the certificate and key…</source>
        <translation>Comprobando el certificado y la clave…</translation>
    </message>
    <message>
        <source>Cannot use this certificate</source>
        <translation>No se puede usar este certificado</translation>
    </message>
    <message>
        <source>That passphrase does not open {key}. Try again:</source>
        <translation>Esa frase de contraseña no abre {key}. Inténtelo de nuevo:</translation>
    </message>
    <message>
        <source>The key {key} is protected by a passphrase. Enter it:</source>
        <translation>La clave {key} está protegida con una frase de contraseña. Escríbala:</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>Se necesita la frase de contraseña</translation>
    </message>
    <message>
        <source>Cannot switch certificates</source>
        <translation>No se puede cambiar de certificado</translation>
    </message>
    <message>
        <source>Switching to Pier&apos;s own certificate…</source>
        <translation>Cambiando al certificado de Pier…</translation>
    </message>
    <message>
        <source>Export the CA certificate</source>
        <translation>Exportar el certificado de la CA</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cannot export the CA certificate</source>
        <translation>No se puede exportar el certificado de la CA</translation>
    </message>
    <message>
        <source>CA certificate saved to {file}.</source>
        <translation>Certificado de la CA guardado en {file}.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Claves privadas (*.key *.pem);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>PEM certificate (*.crt *.pem);;DER certificate (*.der *.cer)</source>
        <translation>Certificado PEM (*.crt *.pem);;Certificado DER (*.der *.cer)</translation>
    </message>
    <message>
        <source>Devices that already trust Pier will show a warning again until they trust the new certificate. Continue?</source>
        <translation>Los dispositivos que ya confían en Pier volverán a mostrar una advertencia hasta que confíen en el certificado nuevo. ¿Continuar?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pier&apos;s certificate authority is not limited to web servers.&lt;/b&gt; An older Pier made it: anyone who got hold of its key could make e-mail (S/MIME) or code-signing certificates that every device trusting it accepts. It cannot be fixed in place; replace it, then let each device trust the new one.</source>
        <translation>&lt;b&gt;La autoridad de certificación de Pier no está limitada a servidores web.&lt;/b&gt; La creó una versión antigua de Pier: quien obtuviera su clave podría crear certificados de correo electrónico (S/MIME) o de firma de código que aceptaría cualquier dispositivo que confíe en ella. No se puede arreglar tal cual; reemplácela y luego haga que cada dispositivo confíe en la nueva.</translation>
    </message>
    <message>
        <source>Pier makes a new certificate authority, limited to web servers on your local network, and destroys the old one&apos;s key.

Every device that trusts the old one must trust the new one again. On each device:
1. Remove the old certificate “{old}”.
2. Install the new one: scan the code in this dialog while sharing with HTTPS, open {url} on the device and follow its steps, or copy the file “Export CA certificate…” saves.
Until then the device warns about Pier&apos;s certificate.

A share running with HTTPS uses the new certificate at once.</source>
        <translation>Pier crea una autoridad de certificación nueva, limitada a servidores web de su red local, y destruye la clave de la antigua.

Todos los dispositivos que confían en la antigua deben volver a confiar en la nueva. En cada dispositivo:
1. Elimine el certificado antiguo «{old}».
2. Instale el nuevo: escanee el código de este diálogo mientras comparte con HTTPS, abra {url} en el dispositivo y siga sus pasos, o copie el archivo que guarda «Exportar el certificado de la CA…».
Hasta entonces, el dispositivo mostrará advertencias sobre el certificado de Pier.

Un uso compartido con HTTPS en curso usa el certificado nuevo al instante.</translation>
    </message>
    <message>
        <source>Compare with the SHA-256 fingerprint the phone shows for the installed certificate: every pair must match. Never trust a fingerprint a web page shows.</source>
        <translation>Compárela con la huella SHA-256 que muestra el teléfono para el certificado instalado: cada pareja debe coincidir. No confíe nunca en una huella que muestre una página web.</translation>
    </message>
    <message>
        <source>&lt;br&gt;This address works on this computer only: choose the local network address in Pier&apos;s window for a phone.</source>
        <translation>&lt;br&gt;Esta dirección solo funciona en este equipo: para un teléfono, elija la dirección de la red local en la ventana de Pier.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>del {start} al {end}</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Cannot ban</source>
        <translation>No se puede bloquear</translation>
    </message>
    <message>
        <source>Cannot unban</source>
        <translation>No se puede desbloquear</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>No se puede desconectar</translation>
    </message>
    <message>
        <source>Cannot cancel the upload</source>
        <translation>No se puede cancelar la subida</translation>
    </message>
    <message>
        <source>The upload is still receiving a chunk that would not stop; try again in a moment.</source>
        <translation>La subida aún está recibiendo un fragmento que no se ha podido detener; inténtelo de nuevo dentro de un momento.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>hace {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>hace {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>hace {hours} h</translation>
    </message>
    <message>
        <source>{percent} of {total}</source>
        <translation>{percent} de {total}</translation>
    </message>
    <message>
        <source>{percent} · {received} of {total}</source>
        <translation>{percent} · {received} de {total}</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>visitante</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clients&lt;/b&gt; (since the share started)</source>
        <translation>&lt;b&gt;Clientes&lt;/b&gt; (desde que empezó el uso compartido)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Close this client&apos;s connections now (it may reconnect)</source>
        <translation>Cerrar ahora las conexiones de este cliente (puede volver a conectarse)</translation>
    </message>
    <message>
        <source>Ban for this session</source>
        <translation>Bloquear durante esta sesión</translation>
    </message>
    <message>
        <source>Refuse this address until Pier quits</source>
        <translation>Rechazar esta dirección hasta que Pier se cierre</translation>
    </message>
    <message>
        <source>Ban permanently</source>
        <translation>Bloquear permanentemente</translation>
    </message>
    <message>
        <source>Refuse this address from now on, also after a restart</source>
        <translation>Rechazar esta dirección a partir de ahora, también después de reiniciar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transfers now&lt;/b&gt; (large downloads and uploads)</source>
        <translation>&lt;b&gt;Transferencias ahora&lt;/b&gt; (descargas y subidas grandes)</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Transferencias ahora</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>Cancelar la transferencia</translation>
    </message>
    <message>
        <source>Stop this download or upload now</source>
        <translation>Detener ahora esta descarga o subida</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished uploads&lt;/b&gt; (resumable: the sender may go on later)</source>
        <translation>&lt;b&gt;Subidas sin terminar&lt;/b&gt; (reanudables: quien las envía puede continuar más tarde)</translation>
    </message>
    <message>
        <source>Unfinished uploads</source>
        <translation>Subidas sin terminar</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Cancelar la subida</translation>
    </message>
    <message>
        <source>Remove this unfinished upload and the part received; the sender cannot resume it</source>
        <translation>Eliminar esta subida sin terminar y la parte recibida; quien la envía no podrá reanudarla</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banned&lt;/b&gt; (refused when they connect)</source>
        <translation>&lt;b&gt;Bloqueados&lt;/b&gt; (se rechazan al conectarse)</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>Direcciones bloqueadas</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Let this address connect again</source>
        <translation>Permitir que esta dirección vuelva a conectarse</translation>
    </message>
    <message>
        <source>Address or network, e.g. 192.168.1.50 or 10.0.0.0/8</source>
        <translation>Dirección o red, p. ej., 192.168.1.50 o 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Address or network to ban</source>
        <translation>Dirección o red que bloquear</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Ban the typed address or network for this session</source>
        <translation>Bloquear durante esta sesión la dirección o red escrita</translation>
    </message>
    <message>
        <source>Pier quits</source>
        <translation>cierre de Pier</translation>
    </message>
    <message>
        <source>{count} at {speed}</source>
        <translation>{count} a {speed}</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Devices are connected</source>
        <translation>Hay dispositivos conectados</translation>
    </message>
    <message>
        <source>Pier can keep sharing in the background, with its icon in the system tray, or stop sharing and quit.</source>
        <translation>Pier puede seguir compartiendo en segundo plano, con su icono en la bandeja del sistema, o dejar de compartir y salir.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Pier cannot keep sharing without its window. Keep the window open, or stop sharing and quit.</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que Pier no puede seguir compartiendo sin su ventana. Mantenga la ventana abierta, o deje de compartir y salga.</translation>
    </message>
    <message>
        <source>{activity}. Stopping now ends their downloads and uploads.

{choice}</source>
        <translation>{activity}. Si se detiene ahora, se cortarán sus descargas y subidas.

{choice}</translation>
    </message>
    <message>
        <source>Quit while sharing?</source>
        <translation>¿Salir mientras se comparte?</translation>
    </message>
    <message>
        <source>Pier is still sharing</source>
        <translation>Pier sigue compartiendo</translation>
    </message>
    <message>
        <source>Pier keeps serving in the background. Use the tray icon to show the window, stop sharing or quit.</source>
        <translation>Pier sigue sirviendo en segundo plano. Use el icono de la bandeja para mostrar la ventana, dejar de compartir o salir.</translation>
    </message>
</context>
<context>
    <name>CollectOptions</name>
    <message>
        <source>Collect files</source>
        <translation>Recoger archivos</translation>
    </message>
    <message>
        <source>Visitors hand in files by name: each person&apos;s files go to their own folder inside this one, which the share never shows. The Collect tab lists who handed in.</source>
        <translation>Los visitantes entregan archivos con su nombre: los archivos de cada persona van a su propia carpeta dentro de esta, que el recurso compartido nunca muestra. La pestaña «Recoger» muestra quién ha entregado.</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>Recoger en la carpeta</translation>
    </message>
    <message>
        <source>The folder inside the share that hand-ins go to</source>
        <translation>La carpeta del recurso compartido a la que van las entregas</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Hand-ins close at a time</source>
        <translation>Las entregas se cierran a una hora</translation>
    </message>
    <message>
        <source>After this time hand-ins are refused</source>
        <translation>Después de esta hora se rechazan las entregas</translation>
    </message>
    <message>
        <source>Hand-ins close at</source>
        <translation>Las entregas se cierran a las</translation>
    </message>
</context>
<context>
    <name>CollectService</name>
    <message>
        <source>Could not read {file}: {reason}.</source>
        <translation>No se pudo leer {file}: {reason}.</translation>
    </message>
    <message>
        <source>{file} is larger than 1 MB: not a list of names.</source>
        <translation>{file} ocupa más de 1 MB: no es una lista de nombres.</translation>
    </message>
    <message>
        <source>open, no deadline</source>
        <translation>abierto, sin fecha límite</translation>
    </message>
    <message>
        <source>closed at {time}</source>
        <translation>cerrado a las {time}</translation>
    </message>
    <message>
        <source>closes in {days} d {hours} h</source>
        <translation>se cierra en {days} d {hours} h</translation>
    </message>
    <message>
        <source>closes in {hours} h {minutes} min</source>
        <translation>se cierra en {hours} h {minutes} min</translation>
    </message>
    <message>
        <source>closes in {minutes} min</source>
        <translation>se cierra en {minutes} min</translation>
    </message>
    <message>
        <source>Collecting files into {folder} (no deadline)</source>
        <translation>Recogiendo archivos en {folder} (sin fecha límite)</translation>
    </message>
    <message>
        <source>Collecting files into {folder} until {time}</source>
        <translation>Recogiendo archivos en {folder} hasta el {time}</translation>
    </message>
    <message>
        <source>The hand-in deadline has already passed: choose a later one, or turn the deadline off.</source>
        <translation>La fecha límite de entrega ya ha pasado: elija una posterior o desactive la fecha límite.</translation>
    </message>
</context>
<context>
    <name>CollectView</name>
    <message>
        <source>Open folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <source>Show the hand-ins folder in the file manager</source>
        <translation>Mostrar la carpeta de entregas en el gestor de archivos</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the checklist as a CSV file</source>
        <translation>Guardar la lista de control como archivo CSV</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de control</translation>
    </message>
    <message>
        <source>Handed in, not on the roster:</source>
        <translation>Entregado, no está en la lista:</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>No está en la lista</translation>
    </message>
    <message>
        <source>Expected (roster):</source>
        <translation>Esperados (lista):</translation>
    </message>
    <message>
        <source>Roster, one name a line</source>
        <translation>Lista, un nombre por línea</translation>
    </message>
    <message>
        <source>One name a line, e.g.
Ana García
Bo Li</source>
        <translation>Un nombre por línea, p. ej.:
Ana García
Bo Li</translation>
    </message>
    <message>
        <source>Load roster…</source>
        <translation>Cargar la lista…</translation>
    </message>
    <message>
        <source>Read the names from a text file, one a line</source>
        <translation>Leer los nombres de un archivo de texto, uno por línea</translation>
    </message>
    <message>
        <source>{count} of {total} handed in</source>
        <translation>{count} de {total} entregados</translation>
    </message>
    <message>
        <source>Add the expected names on the right</source>
        <translation>Añada a la derecha los esperados</translation>
    </message>
    <message>
        <source>Not collecting: start sharing with “Collect files” on</source>
        <translation>Sin recogida: comparta con «Recoger archivos» activado</translation>
    </message>
    <message>
        <source>{status} (not sharing)</source>
        <translation>{status} (sin compartir)</translation>
    </message>
    <message>
        <source>Load a roster</source>
        <translation>Cargar una lista</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Archivos de texto (*.txt *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot load the roster</source>
        <translation>No se puede cargar la lista</translation>
    </message>
    <message>
        <source>Export the checklist</source>
        <translation>Exportar la lista de control</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the checklist</source>
        <translation>No se puede exportar la lista de control</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>No se pudo escribir {file}: {reason}.</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Nada todavía</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Nombre de host</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>Transferencias ahora</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Banned address or network</source>
        <translation>Dirección o red bloqueada</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>Último archivo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Last used by</source>
        <translation>Usado por última vez por</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Select all: {table}</source>
        <translation>Seleccionar todo: {table}</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Locked for</source>
        <translation>Bloqueado durante</translation>
    </message>
</context>
<context>
    <name>ConnectDrive</name>
    <message>
        <source>This share: port {port}</source>
        <translation>Este recurso compartido: puerto {port}</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>HTTP simple (sin cifrar)</translation>
    </message>
    <message>
        <source>login required, visitors may look</source>
        <translation>se requiere iniciar sesión, los visitantes pueden mirar</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>se requiere iniciar sesión</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>sin inicio de sesión</translation>
    </message>
    <message>
        <source>Pier&apos;s share is also a WebDAV server: your file manager can open it like a disk, with drag and drop, within the rights the share and the account give. Pick your system and copy an address.</source>
        <translation>El recurso compartido de Pier también es un servidor WebDAV: su gestor de archivos puede abrirlo como un disco, con arrastrar y soltar, dentro de los permisos que dan el recurso compartido y la cuenta. Elija su sistema y copie una dirección.</translation>
    </message>
    <message>
        <source>Start sharing to see the addresses.</source>
        <translation>Empiece a compartir para ver las direcciones.</translation>
    </message>
    <message>
        <source>Connect as a &amp;drive…</source>
        <translation>Conectar como u&amp;nidad…</translation>
    </message>
    <message>
        <source>How to open this share as a network drive</source>
        <translation>Cómo abrir este recurso compartido como unidad de red</translation>
    </message>
</context>
<context>
    <name>ConnectDriveDialog</name>
    <message>
        <source>Connect as a drive — Pier</source>
        <translation>Conectar como unidad — Pier</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Sistemas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Address using {host}</source>
        <translation>Dirección con {host}</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the address using {host}</source>
        <translation>Copiar la dirección con {host}</translation>
    </message>
    <message>
        <source>Copy {address}</source>
        <translation>Copiar {address}</translation>
    </message>
    <message>
        <source>Only this computer can use this address</source>
        <translation>Solo este ordenador puede usar esta dirección</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>solo este ordenador</translation>
    </message>
    <message>
        <source>Copied: {text}</source>
        <translation>Copiado: {text}</translation>
    </message>
</context>
<context>
    <name>ConnectionDoctor</name>
    <message>
        <source>&amp;Phone can&apos;t connect?…</source>
        <translation>¿El &amp;teléfono no se conecta?…</translation>
    </message>
    <message>
        <source>Find out why a phone or another computer cannot open the share</source>
        <translation>Averigüe por qué un teléfono u otro equipo no puede abrir el recurso compartido</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{port} is not a port number. Choose a port from 1 to {max}, or “Any free port”.</source>
        <translation>{port} no es un número de puerto. Elija un puerto del 1 al {max}, o «Cualquier puerto libre».</translation>
    </message>
    <message>
        <source>Choose a folder to share first.</source>
        <translation>Elija primero una carpeta para compartir.</translation>
    </message>
    <message>
        <source>“Require login” is on, but there are no accounts yet, so nobody could log in.</source>
        <translation>«Requerir inicio de sesión» está activado, pero todavía no hay cuentas, así que nadie podría iniciar sesión.</translation>
    </message>
    <message>
        <source>Port {wanted}, used last time, is taken now, so Pier picked port {port}. Bookmarks and printed QR codes of the old address will not work.</source>
        <translation>El puerto {wanted}, usado la última vez, está ocupado ahora, así que Pier ha elegido el puerto {port}. Los marcadores y los códigos QR impresos de la dirección antigua no funcionarán.</translation>
    </message>
</context>
<context>
    <name>DesktopActions</name>
    <message>
        <source>Add to applications &amp;menu</source>
        <translation>Añadir al &amp;menú de aplicaciones</translation>
    </message>
    <message>
        <source>Remove from applications &amp;menu</source>
        <translation>Quitar del &amp;menú de aplicaciones</translation>
    </message>
    <message>
        <source>&amp;Start Pier when I log in</source>
        <translation>Iniciar Pier al iniciar &amp;sesión</translation>
    </message>
    <message>
        <source>Start Pier in the background when you log in</source>
        <translation>Iniciar Pier en segundo plano al iniciar sesión</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the tray and share the last folder</source>
        <translation>Iniciar &amp;oculto en la bandeja y compartir la última carpeta</translation>
    </message>
    <message>
        <source>At login, Pier starts with its window hidden in the tray, sharing the folder shared last</source>
        <translation>Al iniciar sesión, Pier se inicia con la ventana oculta en la bandeja y comparte la última carpeta compartida</translation>
    </message>
    <message>
        <source>Could not change starting at login</source>
        <translation>No se pudo cambiar el inicio al iniciar sesión</translation>
    </message>
    <message>
        <source>Pier could not change {place}: {problem}</source>
        <translation>Pier no pudo cambiar {place}: {problem}</translation>
    </message>
    <message>
        <source>Removed from the applications menu</source>
        <translation>Quitado del menú de aplicaciones</translation>
    </message>
    <message>
        <source>Pier&apos;s entry was removed ({entry}).</source>
        <translation>Se quitó la entrada de Pier ({entry}).</translation>
    </message>
    <message>
        <source>Added to the applications menu</source>
        <translation>Añadido al menú de aplicaciones</translation>
    </message>
    <message>
        <source>Pier is in your applications menu now (under Internet or Network; some desktops show it after a moment).

The entry is {entry}.</source>
        <translation>Pier ya está en su menú de aplicaciones (en Internet o Red; algunos escritorios lo muestran al cabo de un momento).

La entrada es {entry}.</translation>
    </message>
    <message>
        <source>Could not change the applications menu</source>
        <translation>No se pudo cambiar el menú de aplicaciones</translation>
    </message>
    <message>
        <source>Pier could not write its entry under {folder}: {problem}</source>
        <translation>Pier no pudo escribir su entrada en {folder}: {problem}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Choose the folder to share</source>
        <translation>Elija la carpeta que compartir</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Exportar las peticiones visibles</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Elija una carpeta dentro del recurso compartido</translation>
    </message>
    <message>
        <source>Keep sharing in the background</source>
        <translation>Seguir compartiendo en segundo plano</translation>
    </message>
    <message>
        <source>Stop sharing and quit</source>
        <translation>Dejar de compartir y salir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation>Mantener la ventana abierta</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>{name} is a Pier account, which wins over the directory: the directory is not asked for this name.</source>
        <translation>{name} es una cuenta de Pier, que tiene prioridad sobre el directorio: no se consulta al directorio por este nombre.</translation>
    </message>
    <message>
        <source>The directory cannot be asked: {error}.</source>
        <translation>No se puede consultar el directorio: {error}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{name} cannot log in: {reason} (groups: {groups}).</source>
        <translation>{name} no puede iniciar sesión: {reason} (grupos: {groups}).</translation>
    </message>
    <message>
        <source>{name} may log in: {rights} (groups: {groups}).</source>
        <translation>{name} puede iniciar sesión: {rights} (grupos: {groups}).</translation>
    </message>
    <message>
        <source>download</source>
        <translation>descargar</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>subir</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambiar</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>estadísticas</translation>
    </message>
    <message>
        <source>{rights} in {folders}</source>
        <translation>{rights} en {folders}</translation>
    </message>
    <message>
        <source>{rights} in the whole share</source>
        <translation>{rights} en todo el recurso compartido</translation>
    </message>
    <message>
        <source>Cannot read the CA file {path}: {error}.</source>
        <translation>No se puede leer el archivo de CA {path}: {error}.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory users log in with Basic only: Digest needs a password hash that Pier cannot have for them. While any Pier account has Digest turned on, browsers choose Digest and directory users cannot log in from them. Share over HTTPS: Basic sends the password with every request.</source>
        <translation>Los usuarios del directorio solo inician sesión con Basic: Digest necesita un hash de la contraseña que Pier no puede tener para ellos. Mientras alguna cuenta de Pier tenga Digest activado, los navegadores eligen Digest y los usuarios del directorio no pueden iniciar sesión desde ellos. Comparta por HTTPS: Basic envía la contraseña con cada solicitud.</translation>
    </message>
    <message>
        <source>One group (its cn) per line: GROUP=read, upload, modify or admin, and :/FOLDER to limit it to a folder. In several groups, the highest level wins (with its folders); in none, the login is refused. A Pier account of the same name wins.</source>
        <translation>Un grupo (su cn) por línea: GRUPO=read, upload, modify o admin, y :/CARPETA para limitarlo a una carpeta. En varios grupos, gana el nivel más alto (con sus carpetas); en ninguno, se rechaza el inicio de sesión. Una cuenta de Pier con el mismo nombre tiene prioridad.</translation>
    </message>
    <message>
        <source>GROUP=read|upload|modify|admin[:/FOLDER], one per line; the highest level wins.</source>
        <translation>GRUPO=read|upload|modify|admin[:/CARPETA], uno por línea; gana el nivel más alto.</translation>
    </message>
    <message>
        <source>Directory logins are off.</source>
        <translation>Los inicios de sesión del directorio están desactivados.</translation>
    </message>
    <message>
        <source>Directory logins are on. Shares started from now on use these settings.</source>
        <translation>Los inicios de sesión del directorio están activados. Lo que empiece a compartir a partir de ahora usará estos ajustes.</translation>
    </message>
    <message>
        <source>The directory&apos;s CA certificate</source>
        <translation>Certificado de CA del directorio</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados PEM (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Directory result</source>
        <translation>Resultado del directorio</translation>
    </message>
    <message>
        <source>Directory address</source>
        <translation>Dirección del directorio</translation>
    </message>
    <message>
        <source>Use StartTLS (with an ldap:// address)</source>
        <translation>Usar StartTLS (con una dirección ldap://)</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>Usar StartTLS</translation>
    </message>
    <message>
        <source>Base DN</source>
        <translation>DN base</translation>
    </message>
    <message>
        <source>empty: search anonymously</source>
        <translation>vacío: buscar de forma anónima</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>DN de enlace</translation>
    </message>
    <message>
        <source>the bind DN&apos;s password</source>
        <translation>la contraseña del DN de enlace</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>Contraseña de enlace</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>Filtro de usuarios</translation>
    </message>
    <message>
        <source>Active Directory: {filter}</source>
        <translation>Active Directory: {filter}</translation>
    </message>
    <message>
        <source>Group filter</source>
        <translation>Filtro de grupos</translation>
    </message>
    <message>
        <source>Active Directory: memberOf (the user&apos;s attribute)</source>
        <translation>Active Directory: memberOf (el atributo del usuario)</translation>
    </message>
    <message>
        <source>Group map</source>
        <translation>Correspondencia de grupos</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>las CA de confianza del sistema</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the directory&apos;s CA file</source>
        <translation>Elegir el archivo de CA del directorio</translation>
    </message>
    <message>
        <source>Forget the saved CA</source>
        <translation>Olvidar la CA guardada</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Base DN:</source>
        <translation>DN base:</translation>
    </message>
    <message>
        <source>Bind DN:</source>
        <translation>DN de enlace:</translation>
    </message>
    <message>
        <source>Bind password:</source>
        <translation>Contraseña de enlace:</translation>
    </message>
    <message>
        <source>User filter:</source>
        <translation>Filtro de usuarios:</translation>
    </message>
    <message>
        <source>Group filter:</source>
        <translation>Filtro de grupos:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Grupos:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Archivo de CA:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>Guardar los ajustes del directorio</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Turn directory logins off</source>
        <translation>Desactivar los inicios de sesión del directorio</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>User name to test</source>
        <translation>Nombre de usuario para probar</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>Password to test</source>
        <translation>Contraseña para probar</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <source>Test a directory login</source>
        <translation>Probar un inicio de sesión del directorio</translation>
    </message>
    <message>
        <source>Test a login:</source>
        <translation>Probar un inicio de sesión:</translation>
    </message>
    <message>
        <source>The saved settings cannot be used: {error}</source>
        <translation>No se pueden usar los ajustes guardados: {error}</translation>
    </message>
    <message>
        <source>Saved. Stop and start the share to use them now.</source>
        <translation>Guardado. Deje de compartir y vuelva a empezar para usarlos ya.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se ha guardado: {error}</translation>
    </message>
    <message>
        <source>Directory logins turned off for shares started from now on.</source>
        <translation>Inicios de sesión del directorio desactivados para lo que empiece a compartir a partir de ahora.</translation>
    </message>
    <message>
        <source>Not turned off: {error}</source>
        <translation>No se ha desactivado: {error}</translation>
    </message>
    <message>
        <source>Type a user name and a password to test.</source>
        <translation>Escriba un nombre de usuario y una contraseña para probar.</translation>
    </message>
    <message>
        <source>These settings cannot be used: {error}</source>
        <translation>No se pueden usar estos ajustes: {error}</translation>
    </message>
    <message>
        <source>saved (type to change)</source>
        <translation>guardada (escriba para cambiarla)</translation>
    </message>
    <message>
        <source>the saved CA (choose a file to replace it)</source>
        <translation>la CA guardada (elija un archivo para sustituirla)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Same network: the phone must be on the same Wi-Fi as this computer (or on a Wi-Fi of the same router), not on a neighbour&apos;s or a hotspot.</source>
        <translation>Misma red: el teléfono debe estar en la misma Wi-Fi que este equipo (o en una Wi-Fi del mismo router), no en la de un vecino ni en un punto de acceso.</translation>
    </message>
    <message>
        <source>Guest Wi-Fi: guest networks, hotel, school and office Wi-Fi often keep devices apart (“client isolation”, “AP isolation”): each device reaches the internet but not the others. Use the main network, or turn isolation off in the router&apos;s Wi-Fi settings.</source>
        <translation>Wi-Fi de invitados: las redes de invitados y las Wi-Fi de hoteles, centros de estudio y oficinas suelen aislar los dispositivos entre sí («aislamiento de clientes», «aislamiento de AP»): cada dispositivo llega a internet, pero no a los demás. Use la red principal o desactive el aislamiento en los ajustes de Wi-Fi del router.</translation>
    </message>
    <message>
        <source>Mobile data: turn it off on the phone for the test; some phones send requests over mobile data when they think the Wi-Fi has no internet.</source>
        <translation>Datos móviles: desactívelos en el teléfono durante la prueba; algunos teléfonos envían las peticiones por datos móviles cuando creen que la Wi-Fi no tiene internet.</translation>
    </message>
    <message>
        <source>VPN: a VPN on the phone or on this computer can route the address elsewhere; pause it.</source>
        <translation>VPN: una VPN en el teléfono o en este equipo puede enviar la dirección a otro sitio; páusela.</translation>
    </message>
    <message>
        <source>The address: type it exactly as shown, with http:// or https:// as shown and the port after the colon.</source>
        <translation>La dirección: escríbala exactamente como se muestra, con http:// o https:// tal como aparece y el puerto después de los dos puntos.</translation>
    </message>
    <message>
        <source>VPN ({interface}): a phone cannot use it</source>
        <translation>VPN ({interface}): un teléfono no puede usarla</translation>
    </message>
    <message>
        <source>containers ({interface}): a phone cannot use it</source>
        <translation>contenedores ({interface}): un teléfono no puede usarla</translation>
    </message>
    <message>
        <source>virtual machine ({interface}): a phone cannot use it</source>
        <translation>máquina virtual ({interface}): un teléfono no puede usarla</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>solo este equipo</translation>
    </message>
    <message>
        <source>network {interface}</source>
        <translation>red {interface}</translation>
    </message>
    <message>
        <source>name of this computer</source>
        <translation>nombre de este equipo</translation>
    </message>
    <message>
        <source>The share is for this computer only</source>
        <translation>El recurso compartido es solo para este equipo</translation>
    </message>
    <message>
        <source>It listens on this computer&apos;s own address (127.0.0.1), which no phone can reach. Let the devices on your network in: the share restarts on the local network.</source>
        <translation>Escucha en la dirección propia de este equipo (127.0.0.1), a la que ningún teléfono puede llegar. Deje entrar a los dispositivos de su red: el recurso compartido se reinicia en la red local.</translation>
    </message>
    <message>
        <source>The share is open to the local network</source>
        <translation>El recurso compartido está abierto a la red local</translation>
    </message>
    <message>
        <source>It listens on every network of this computer.</source>
        <translation>Escucha en todas las redes de este equipo.</translation>
    </message>
    <message>
        <source>No address for a phone yet</source>
        <translation>Todavía no hay ninguna dirección para un teléfono</translation>
    </message>
    <message>
        <source>Once devices on the network are let in, their addresses show here.</source>
        <translation>Cuando se deje entrar a los dispositivos de la red, sus direcciones aparecerán aquí.</translation>
    </message>
    <message>
        <source>Not these, which lead to a VPN, containers or a virtual machine: {addresses}.</source>
        <translation>Estas no, que llevan a una VPN, a contenedores o a una máquina virtual: {addresses}.</translation>
    </message>
    <message>
        <source>No address on an ordinary network</source>
        <translation>Ninguna dirección en una red normal</translation>
    </message>
    <message>
        <source>This computer seems connected to no Wi-Fi or wired network, only to virtual ones.</source>
        <translation>Este equipo no parece estar conectado a ninguna Wi-Fi ni red cableada, solo a redes virtuales.</translation>
    </message>
    <message>
        <source>Open {address} on the phone</source>
        <translation>Abra {address} en el teléfono</translation>
    </message>
    <message>
        <source>Use an address of the network the phone is on.</source>
        <translation>Use una dirección de la red en la que está el teléfono.</translation>
    </message>
    <message>
        <source>No firewall found</source>
        <translation>No se encontró ningún cortafuegos</translation>
    </message>
    <message>
        <source>Neither firewalld nor ufw is running.</source>
        <translation>Ni firewalld ni ufw están en marcha.</translation>
    </message>
    <message>
        <source>The firewall ({tool}) is on and may block port {port}</source>
        <translation>El cortafuegos ({tool}) está activado y puede bloquear el puerto {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) blocks port {port}</source>
        <translation>El cortafuegos ({tool}) bloquea el puerto {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) lets port {port} in</source>
        <translation>El cortafuegos ({tool}) deja pasar el puerto {port}</translation>
    </message>
    <message>
        <source>No active firewall found</source>
        <translation>No se encontró ningún cortafuegos activo</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether a firewall blocks the port</source>
        <translation>Pier no puede saber si un cortafuegos bloquea el puerto</translation>
    </message>
    <message>
        <source>Windows Defender Firewall may block the port</source>
        <translation>El Firewall de Windows Defender puede bloquear el puerto</translation>
    </message>
    <message>
        <source>When Windows asked whether to let Pier (or Python) talk on networks, “Private networks” must be allowed, and the Wi-Fi must be set to Private. Or let the port in from an administrator&apos;s command prompt:</source>
        <translation>Cuando Windows preguntó si dejar que Pier (o Python) se comunicara en redes, hay que permitir «Redes privadas», y la Wi-Fi debe estar configurada como privada. O deje pasar el puerto desde un símbolo del sistema de administrador:</translation>
    </message>
    <message>
        <source>In System Settings → Network → Firewall → Options, set Pier (or Python) to “Allow incoming connections”.</source>
        <translation>En Ajustes del Sistema → Red → Firewall → Opciones, configure Pier (o Python) como «Permitir conexiones entrantes».</translation>
    </message>
    <message>
        <source>The macOS firewall is off</source>
        <translation>El firewall de macOS está desactivado</translation>
    </message>
    <message>
        <source>It blocks nothing.</source>
        <translation>No bloquea nada.</translation>
    </message>
    <message>
        <source>The macOS firewall is on</source>
        <translation>El firewall de macOS está activado</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether the macOS firewall is on</source>
        <translation>Pier no puede saber si el firewall de macOS está activado</translation>
    </message>
    <message>
        <source>firewalld is not fully running (state {state}).</source>
        <translation>firewalld no está del todo en marcha (estado {state}).</translation>
    </message>
    <message>
        <source>firewalld is running, but Pier could not read its zones: {problem}</source>
        <translation>firewalld está en marcha, pero Pier no pudo leer sus zonas: {problem}</translation>
    </message>
    <message>
        <source>firewalld is running and zone {zones} lets port {port}/tcp in.</source>
        <translation>firewalld está en marcha y la zona {zones} deja pasar el puerto {port}/tcp.</translation>
    </message>
    <message>
        <source>firewalld is running and port {port}/tcp is not open in zone “{zone}”, the zone of the network phones use: it blocks them (unless a service opened for that zone happens to use the same port).</source>
        <translation>firewalld está en marcha y el puerto {port}/tcp no está abierto en la zona «{zone}», la de la red que usan los teléfonos: los bloquea (salvo que un servicio abierto para esa zona use casualmente el mismo puerto).</translation>
    </message>
    <message>
        <source>Pier found neither firewalld nor ufw, and the kernel&apos;s own rules (nftables, iptables) are readable only by root, so it cannot tell whether a firewall blocks the port.</source>
        <translation>Pier no encontró ni firewalld ni ufw, y las reglas propias del kernel (nftables, iptables) solo las puede leer root, así que no puede saber si un cortafuegos bloquea el puerto.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic, but lets some addresses in on every port: Pier cannot tell whether the phone is one of them. To let port {port}/tcp in for everyone:</source>
        <translation>{tool} descarta el tráfico entrante, pero deja pasar algunas direcciones en todos los puertos: Pier no puede saber si el teléfono es una de ellas. Para dejar pasar el puerto {port}/tcp a todos:</translation>
    </message>
    <message>
        <source>{tool} has no rule that drops incoming traffic.</source>
        <translation>{tool} no tiene ninguna regla que descarte el tráfico entrante.</translation>
    </message>
    <message>
        <source>{tool} has a rule that lets port {port}/tcp in.</source>
        <translation>{tool} tiene una regla que deja pasar el puerto {port}/tcp.</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic and no rule lets port {port}/tcp in: phones and other computers are blocked.</source>
        <translation>{tool} descarta el tráfico entrante y ninguna regla deja pasar el puerto {port}/tcp: los teléfonos y otros equipos están bloqueados.</translation>
    </message>
    <message>
        <source>ufw is installed but not enabled.</source>
        <translation>ufw está instalado, pero no activado.</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from ufw status).</source>
        <translation>ufw está activado y deja pasar el puerto {port}/tcp (según ufw status).</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from its rules).</source>
        <translation>ufw está activado y deja pasar el puerto {port}/tcp (según sus reglas).</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from ufw status): it blocks phones and other computers.</source>
        <translation>ufw está activado y ninguna regla deja pasar el puerto {port}/tcp (según ufw status): bloquea los teléfonos y otros equipos.</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from its rules): it blocks phones and other computers.</source>
        <translation>ufw está activado y ninguna regla deja pasar el puerto {port}/tcp (según sus reglas): bloquea los teléfonos y otros equipos.</translation>
    </message>
    <message>
        <source>ufw is enabled, but its rules are readable only by root, so Pier cannot tell whether port {port}/tcp is let in.</source>
        <translation>ufw está activado, pero sus reglas solo las puede leer root, así que Pier no puede saber si deja pasar el puerto {port}/tcp.</translation>
    </message>
    <message>
        <source>Type the network&apos;s name (SSID).</source>
        <translation>Escriba el nombre de la red (SSID).</translation>
    </message>
    <message>
        <source>A network name has at most 32 bytes.</source>
        <translation>Un nombre de red tiene como máximo 32 bytes.</translation>
    </message>
    <message>
        <source>Unknown security {security}.</source>
        <translation>Seguridad desconocida {security}.</translation>
    </message>
    <message>
        <source>Type the network&apos;s password.</source>
        <translation>Escriba la contraseña de la red.</translation>
    </message>
    <message>
        <source>A WPA password has 8 to 63 characters.</source>
        <translation>Una contraseña WPA tiene de 8 a 63 caracteres.</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Phone can&apos;t connect? — Pier</source>
        <translation>¿El teléfono no se conecta? — Pier</translation>
    </message>
    <message>
        <source>Start sharing first: then open this again to test the connection from your phone.</source>
        <translation>Primero empiece a compartir; después vuelva a abrir esto para probar la conexión desde su teléfono.</translation>
    </message>
    <message>
        <source>Test it now</source>
        <translation>Pruébelo ahora</translation>
    </message>
    <message>
        <source>Open this address on the phone now (or scan the code). Pier watches for a minute for a request from another device.</source>
        <translation>Abra ahora esta dirección en el teléfono (o escanee el código). Pier vigila durante un minuto si llega una petición de otro dispositivo.</translation>
    </message>
    <message>
        <source>QR code of the address to open</source>
        <translation>Código QR de la dirección que hay que abrir</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Resultado de la prueba</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>Vigilar de nuevo</translation>
    </message>
    <message>
        <source>Watch for a request from the phone for another minute</source>
        <translation>Vigilar un minuto más si llega una petición del teléfono</translation>
    </message>
    <message>
        <source>If the phone cannot open it:</source>
        <translation>Si el teléfono no puede abrirla:</translation>
    </message>
    <message>
        <source>What Pier found on this computer</source>
        <translation>Lo que Pier encontró en este equipo</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Comprobar de nuevo</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>The checks failed; see Pier&apos;s log.</source>
        <translation>Las comprobaciones fallaron; consulte el registro de Pier.</translation>
    </message>
    <message>
        <source>There is no address a phone could open yet.</source>
        <translation>Todavía no hay ninguna dirección que un teléfono pueda abrir.</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>Dejar entrar a los dispositivos de mi red</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Command to type</source>
        <translation>Orden que hay que escribir</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>Copiar la orden</translation>
    </message>
    <message>
        <source>✔ A request arrived from another device ({client}): the phone reaches Pier. If the page still does not show, it may be waiting for a password or the certificate.</source>
        <translation>✔ Llegó una petición de otro dispositivo ({client}): el teléfono llega a Pier. Si la página sigue sin mostrarse, puede que esté esperando una contraseña o el certificado.</translation>
    </message>
    <message>
        <source>✖ No request from another device arrived in the last minute. The phone did not reach Pier.</source>
        <translation>✖ En el último minuto no llegó ninguna petición de otro dispositivo. El teléfono no llegó a Pier.</translation>
    </message>
    <message>
        <source>Waiting for a request from another device… {seconds} s left</source>
        <translation>Esperando una petición de otro dispositivo… quedan {seconds} s</translation>
    </message>
</context>
<context>
    <name>DriveAddresses</name>
    <message>
        <source>Pier&apos;s certificate authority is saved by Certificate… &gt; Export CA certificate…, or downloaded from /.well-known/pier/ca.crt on the share.</source>
        <translation>La autoridad de certificación de Pier se guarda con Certificado… &gt; Exportar el certificado de la CA…, o se descarga desde /.well-known/pier/ca.crt en el recurso compartido.</translation>
    </message>
    <message>
        <source>Windows refuses files over 50 MB by default: raise FileSizeLimitInBytes under HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (at most 4294967295) and restart the WebClient service.</source>
        <translation>Windows rechaza de forma predeterminada los archivos de más de 50 MB: aumente FileSizeLimitInBytes en HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (como máximo 4294967295) y reinicie el servicio WebClient.</translation>
    </message>
    <message>
        <source>Windows checks the certificate: first add Pier&apos;s certificate authority to “Trusted Root Certification Authorities” of the Local Computer (double-click the file, Install Certificate…).</source>
        <translation>Windows comprueba el certificado: primero añada la autoridad de certificación de Pier a «Entidades de certificación raíz de confianza» del equipo local (doble clic en el archivo, Instalar certificado…).</translation>
    </message>
    <message>
        <source>IPv6 addresses are not offered for Windows: use an IPv4 address or the computer&apos;s name.</source>
        <translation>Para Windows no se ofrecen direcciones IPv6: use una dirección IPv4 o el nombre del ordenador.</translation>
    </message>
    <message>
        <source>The WebClient service does the work; it starts by itself unless it was turned off (services.msc).</source>
        <translation>El servicio WebClient hace el trabajo; se inicia solo a menos que se haya desactivado (services.msc).</translation>
    </message>
    <message>
        <source>the web address</source>
        <translation>la dirección web</translation>
    </message>
    <message>
        <source>Paste the address into File Explorer&apos;s address bar, or choose This PC &gt; Map network drive and use it as the Folder ({web} works there too).</source>
        <translation>Pegue la dirección en la barra de direcciones del Explorador de archivos, o elija Este equipo &gt; Conectar unidad de red y úsela como Carpeta ({web} también funciona ahí).</translation>
    </message>
    <message>
        <source>Windows asks for the account&apos;s name and password (sent with Basic, encrypted by HTTPS).</source>
        <translation>Windows pide el nombre y la contraseña de la cuenta (se envían con Basic, cifrados por HTTPS).</translation>
    </message>
    <message>
        <source> Visitors without an account can still look.</source>
        <translation> Los visitantes sin cuenta pueden seguir mirando.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic; it logs in with Digest (MD5), which only accounts with “Also MD5, for old clients” (Users… &gt; Advanced) can use. HTTPS avoids this.</source>
        <translation>Con HTTP simple, Windows no envía contraseñas con Basic; inicia sesión con Digest (MD5), que solo pueden usar las cuentas con «También MD5, para clientes antiguos» (Usuarios… &gt; Avanzado). HTTPS lo evita.</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic, and no account has Digest with MD5, the Digest Windows speaks: turn HTTPS on, or allow Digest with MD5 for the account (Users… &gt; Advanced, then set its password again).</source>
        <translation>Con HTTP simple, Windows no envía contraseñas con Basic, y ninguna cuenta tiene Digest con MD5, el Digest que habla Windows: active HTTPS, o permita Digest con MD5 para la cuenta (Usuarios… &gt; Avanzado, y luego vuelva a establecer su contraseña).</translation>
    </message>
    <message>
        <source>First trust Pier&apos;s certificate authority: open the file, add it to the System keychain and set it to “Always Trust” in Keychain Access.</source>
        <translation>Primero confíe en la autoridad de certificación de Pier: abra el archivo, añádalo al llavero Sistema y márquelo como «Confiar siempre» en Acceso a Llaveros.</translation>
    </message>
    <message>
        <source>Choose “Registered User” and type the account&apos;s name and password.</source>
        <translation>Elija «Usuario registrado» y escriba el nombre y la contraseña de la cuenta.</translation>
    </message>
    <message>
        <source>In Finder choose Go &gt; Connect to Server… (⌘K), type the address and click Connect.</source>
        <translation>En el Finder elija Ir &gt; Conectarse al servidor… (⌘K), escriba la dirección y haga clic en Conectar.</translation>
    </message>
    <message>
        <source>Files asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority; compare its fingerprint with the one Pier&apos;s Certificate… window shows.</source>
        <translation>Archivos pregunta si debe confiar en el certificado de Pier, a menos que el sistema confíe en la autoridad de certificación de Pier; compare su huella con la que muestra la ventana Certificado… de Pier.</translation>
    </message>
    <message>
        <source>Files asks for the account&apos;s name and password.</source>
        <translation>Archivos pide el nombre y la contraseña de la cuenta.</translation>
    </message>
    <message>
        <source>From a terminal: gio mount followed by the address.</source>
        <translation>Desde un terminal: gio mount seguido de la dirección.</translation>
    </message>
    <message>
        <source>GNOME Files</source>
        <translation>GNOME Archivos</translation>
    </message>
    <message>
        <source>In Files choose Other Locations, type the address in “Connect to Server” at the bottom and click Connect.</source>
        <translation>En Archivos elija «Otras ubicaciones», escriba la dirección en «Conectar al servidor» abajo y haga clic en Conectar.</translation>
    </message>
    <message>
        <source>Dolphin asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority.</source>
        <translation>Dolphin pregunta si debe confiar en el certificado de Pier, a menos que el sistema confíe en la autoridad de certificación de Pier.</translation>
    </message>
    <message>
        <source>Dolphin asks for the account&apos;s name and password.</source>
        <translation>Dolphin pide el nombre y la contraseña de la cuenta.</translation>
    </message>
    <message>
        <source>KDE Dolphin</source>
        <translation>KDE Dolphin</translation>
    </message>
    <message>
        <source>In Dolphin press Ctrl+L, type the address and press Enter (Network &gt; Add Network Folder keeps it).</source>
        <translation>En Dolphin pulse Ctrl+L, escriba la dirección y pulse Intro (Red &gt; Añadir carpeta de red la conserva).</translation>
    </message>
    <message>
        <source>Put the account&apos;s name for {account}, then store its password with “rclone config password {remote} pass PASSWORD” (rclone keeps it obscured).</source>
        <translation>Ponga el nombre de la cuenta en lugar de {account} y luego guarde su contraseña con «rclone config password {remote} pass PASSWORD» (rclone la guarda ofuscada).</translation>
    </message>
    <message>
        <source>Add --ca-cert {file} (Pier&apos;s certificate authority, PEM) to every rclone command.</source>
        <translation>Añada --ca-cert {file} (la autoridad de certificación de Pier, PEM) a cada orden de rclone.</translation>
    </message>
    <message>
        <source>Then: rclone ls {remote}:, rclone copy {remote}:FOLDER ., or rclone mount {remote}: ~/Pier.</source>
        <translation>Después: rclone ls {remote}:, rclone copy {remote}:FOLDER . o rclone mount {remote}: ~/Pier.</translation>
    </message>
    <message>
        <source>Run this once to make the remote “{remote}”:</source>
        <translation>Ejecute esto una vez para crear el remoto «{remote}»:</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: type the account&apos;s.</source>
        <translation>davfs2 pide un nombre de usuario y una contraseña: escriba los de la cuenta.</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: press Enter at both.</source>
        <translation>davfs2 pide un nombre de usuario y una contraseña: pulse Intro en ambos.</translation>
    </message>
    <message>
        <source>Trust Pier&apos;s certificate authority (PEM): add “trust_ca_cert /path/to/{file}” to /etc/davfs2/davfs2.conf.</source>
        <translation>Confíe en la autoridad de certificación de Pier (PEM): añada «trust_ca_cert /path/to/{file}» a /etc/davfs2/davfs2.conf.</translation>
    </message>
    <message>
        <source>Changes reach the share when a file is closed (davfs2 keeps a cache); sudo umount {folder} when done.</source>
        <translation>Los cambios llegan al recurso compartido al cerrar un archivo (davfs2 usa una caché); sudo umount {folder} al terminar.</translation>
    </message>
    <message>
        <source>Folders look empty or “ls” says “Invalid argument”? davfs2 before 1.7.2 on Linux 6.16 or later needs “buf_size 132” in /etc/davfs2/davfs2.conf.</source>
        <translation>¿Las carpetas parecen vacías o «ls» dice «Invalid argument»? davfs2 anterior a 1.7.2 en Linux 6.16 o posterior necesita «buf_size 132» en /etc/davfs2/davfs2.conf.</translation>
    </message>
    <message>
        <source>Linux (davfs2)</source>
        <translation>Linux (davfs2)</translation>
    </message>
    <message>
        <source>Install davfs2 (apt install davfs2), make the folder {folder}, then run:</source>
        <translation>Instale davfs2 (apt install davfs2), cree la carpeta {folder} y luego ejecute:</translation>
    </message>
</context>
<context>
    <name>ErrorPagesBox</name>
    <message>
        <source>Choose the error pages folder</source>
        <translation>Elegir la carpeta de páginas de error</translation>
    </message>
    <message>
        <source>None: Pier&apos;s own pages</source>
        <translation>Ninguna: las páginas propias de Pier</translation>
    </message>
    <message>
        <source>Error pages folder</source>
        <translation>Carpeta de páginas de error</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own error pages</source>
        <translation>Usar las páginas de error propias de Pier</translation>
    </message>
    <message>
        <source>Error pages folder:</source>
        <translation>Carpeta de páginas de error:</translation>
    </message>
    <message>
        <source>Browsers get 404.html, 403.html, 401.html, 500.html… from this folder instead of Pier&apos;s own pages (404.de.html for one language). {status}, {reason} and {path} are filled in. Keep it outside a share that accepts uploads.</source>
        <translation>Los navegadores reciben 404.html, 403.html, 401.html, 500.html… de esta carpeta en lugar de las páginas propias de Pier (404.de.html para un idioma). Se rellenan {status}, {reason} y {path}. Manténgala fuera de un uso compartido que acepte subidas.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>{problem}

Pier keeps running; please report this if it repeats.</source>
        <translation>{problem}

Pier sigue funcionando; informe de ello si se repite.</translation>
    </message>
    <message>
        <source>

Details were written to {file}.</source>
        <translation>

Los detalles se han escrito en {file}.</translation>
    </message>
    <message>
        <source>Pier hit an unexpected problem</source>
        <translation>Pier ha encontrado un problema inesperado</translation>
    </message>
</context>
<context>
    <name>FirstRunQuestion</name>
    <message>
        <source>Who should be able to open this?</source>
        <translation>¿Quién debería poder abrirlo?</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este ordenador</translation>
    </message>
    <message>
        <source>Only browsers on this computer can open the share</source>
        <translation>Solo los navegadores de este ordenador pueden abrir el recurso compartido</translation>
    </message>
    <message>
        <source>Devices on my network</source>
        <translation>Dispositivos de mi red</translation>
    </message>
    <message>
        <source>Phones, tablets and computers on the same Wi-Fi or network can open the share</source>
        <translation>Los teléfonos, tabletas y ordenadores de la misma wifi o red pueden abrir el recurso compartido</translation>
    </message>
    <message>
        <source>Pier asks once. Change it any time under “Who can connect”.</source>
        <translation>Pier lo pregunta una sola vez. Puede cambiarlo cuando quiera en «Quién puede conectarse».</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Make a new certificate</source>
        <translation>Crear un certificado nuevo</translation>
    </message>
    <message>
        <source>Pier makes a certificate for this computer&apos;s names and addresses, signed by its own local authority (CA). Devices that trust the CA keep trusting new certificates.</source>
        <translation>Pier crea un certificado para los nombres y direcciones de este ordenador, firmado por su propia autoridad local (CA). Los dispositivos que confían en la CA siguen confiando en los certificados nuevos.</translation>
    </message>
    <message>
        <source>e.g. nas.home.arpa, 192.168.1.50</source>
        <translation>p. ej., nas.home.arpa, 192.168.1.50</translation>
    </message>
    <message>
        <source>Extra names</source>
        <translation>Nombres adicionales</translation>
    </message>
    <message>
        <source>Extra names:</source>
        <translation>Nombres adicionales:</translation>
    </message>
    <message>
        <source>Use RSA keys instead of ECDSA (for very old devices)</source>
        <translation>Usar claves RSA en lugar de ECDSA (para dispositivos muy antiguos)</translation>
    </message>
    <message>
        <source>One self-signed certificate, without a CA</source>
        <translation>Un certificado autofirmado, sin CA</translation>
    </message>
    <message>
        <source>Also make a new CA (devices must trust Pier again)</source>
        <translation>Crear también una CA nueva (los dispositivos deberán volver a confiar en Pier)</translation>
    </message>
    <message>
        <source>Make certificate</source>
        <translation>Crear el certificado</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Used from the next start of Pier</source>
        <translation>Se usa a partir del próximo inicio de Pier</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Pier will use {language} the next time it starts.</source>
        <translation>Pier usará {language} la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>Names other devices use to reach this share, such as pc.fritz.box or a VPN name. Requests for any other name are refused (protects against DNS rebinding).</source>
        <translation>Nombres que usan otros dispositivos para llegar a este recurso compartido, como pc.fritz.box o un nombre de VPN. Las peticiones a cualquier otro nombre se rechazan (protege contra el DNS rebinding).</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Ancho de banda</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>Quién puede conectarse</translation>
    </message>
    <message>
        <source>Finding the share</source>
        <translation>Encontrar el recurso compartido</translation>
    </message>
    <message>
        <source>Error pages</source>
        <translation>Páginas de error</translation>
    </message>
    <message>
        <source>Total download speed</source>
        <translation>Velocidad de descarga total</translation>
    </message>
    <message>
        <source>Download speed per device</source>
        <translation>Velocidad de descarga por dispositivo</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Downloads at once per device</source>
        <translation>Descargas simultáneas por dispositivo</translation>
    </message>
    <message>
        <source>Total download speed:</source>
        <translation>Velocidad de descarga total:</translation>
    </message>
    <message>
        <source>Per device:</source>
        <translation>Por dispositivo:</translation>
    </message>
    <message>
        <source>Large downloads at once per device:</source>
        <translation>Descargas grandes simultáneas por dispositivo:</translation>
    </message>
    <message>
        <source>Applies at once, also to downloads already running. Small files and pages are never held back by the per-device download count.</source>
        <translation>Se aplica de inmediato, también a las descargas en curso. Los archivos pequeños y las páginas nunca se retienen por el número de descargas por dispositivo.</translation>
    </message>
    <message>
        <source>Only allow these addresses and networks</source>
        <translation>Permitir solo estas direcciones y redes</translation>
    </message>
    <message>
        <source>Only allow listed addresses</source>
        <translation>Permitir solo las direcciones de la lista</translation>
    </message>
    <message>
        <source>Everyone else is refused when connecting</source>
        <translation>Todos los demás se rechazan al conectarse</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24, 10.0.0.7, ::1</source>
        <translation>p. ej., 192.168.1.0/24, 10.0.0.7, ::1</translation>
    </message>
    <message>
        <source>Allowed addresses and networks</source>
        <translation>Direcciones y redes permitidas</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Apply the allow-list</source>
        <translation>Aplicar la lista de permitidos</translation>
    </message>
    <message>
        <source>e.g. pc.fritz.box, laptop.vpn</source>
        <translation>p. ej., pc.fritz.box, laptop.vpn</translation>
    </message>
    <message>
        <source>Other names for this computer</source>
        <translation>Otros nombres de este ordenador</translation>
    </message>
    <message>
        <source>Separate names with commas or spaces. Exact names only: no wildcards, scheme or port.</source>
        <translation>Separe los nombres con comas o espacios. Solo nombres exactos: sin comodines, esquema ni puerto.</translation>
    </message>
    <message>
        <source>Other names for this computer:</source>
        <translation>Otros nombres de este ordenador:</translation>
    </message>
    <message>
        <source>Announce on the local network (mDNS)</source>
        <translation>Anunciar en la red local (mDNS)</translation>
    </message>
    <message>
        <source>Announce on the local network</source>
        <translation>Anunciar en la red local</translation>
    </message>
    <message>
        <source>Phones and computers on the network can find the share by name (Bonjour / Avahi), without typing an address</source>
        <translation>Los teléfonos y ordenadores de la red pueden encontrar el recurso compartido por su nombre (Bonjour / Avahi), sin escribir una dirección</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer may connect.</source>
        <translation>Cualquiera que pueda llegar a este ordenador puede conectarse.</translation>
    </message>
    <message>
        <source>In force: only {addresses}.</source>
        <translation>En vigor: solo {addresses}.</translation>
    </message>
    <message>
        <source>Press Apply (or Enter) to put the new list in force.</source>
        <translation>Pulse Aplicar (o Intro) para poner en vigor la lista nueva.</translation>
    </message>
    <message>
        <source>{problem} Not saved.</source>
        <translation>{problem} No se ha guardado.</translation>
    </message>
    <message>
        <source>Only the share&apos;s own names are accepted.</source>
        <translation>Solo se aceptan los nombres propios del recurso compartido.</translation>
    </message>
    <message>
        <source>Also accepted once you leave the field: {names}.</source>
        <translation>También se aceptarán al salir del campo: {names}.</translation>
    </message>
    <message>
        <source>Also accepted from the next Start: {names}.</source>
        <translation>También se aceptarán a partir del próximo inicio: {names}.</translation>
    </message>
    <message>
        <source>Announced while sharing on the local network.</source>
        <translation>Se anuncia mientras se comparte en la red local.</translation>
    </message>
    <message>
        <source>Not announced: devices need the address or the QR code.</source>
        <translation>Sin anunciar: los dispositivos necesitan la dirección o el código QR.</translation>
    </message>
    <message>
        <source>Not announced: the share is for this computer only.</source>
        <translation>Sin anunciar: el recurso compartido es solo para este ordenador.</translation>
    </message>
    <message>
        <source>Announced as “{name}”: look for it in the Files or Network view.</source>
        <translation>Anunciado como «{name}»: búsquelo en la vista Archivos o Red.</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>Anunciando…</translation>
    </message>
    <message>
        <source>The allow-list is empty, so nobody could connect. Add at least one address or network, e.g. 192.168.1.0/24.</source>
        <translation>La lista de permitidos está vacía, así que nadie podría conectarse. Añada al menos una dirección o red, p. ej., 192.168.1.0/24.</translation>
    </message>
</context>
<context>
    <name>LinkService</name>
    <message>
        <source>Choose the folder to share first.</source>
        <translation>Elija primero la carpeta que compartir.</translation>
    </message>
    <message>
        <source>Choose a file or folder inside the share.</source>
        <translation>Elija un archivo o una carpeta dentro del recurso compartido.</translation>
    </message>
    <message>
        <source>{path} is not inside the shared folder {share}. A link can only give out something the share contains.</source>
        <translation>{path} no está dentro de la carpeta compartida {share}. Un enlace solo puede dar algo que contenga el recurso compartido.</translation>
    </message>
    <message>
        <source>{path} holds Pier&apos;s own files (settings, accounts, keys): it cannot be linked.</source>
        <translation>{path} contiene archivos propios de Pier (ajustes, cuentas, claves): no se puede enlazar.</translation>
    </message>
    <message>
        <source>Choose the date the link ends.</source>
        <translation>Elija la fecha en que termina el enlace.</translation>
    </message>
    <message>
        <source>Only a folder link can take uploads.</source>
        <translation>Solo un enlace a una carpeta puede aceptar subidas.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{count} of {allowed}</source>
        <translation>{count} de {allowed}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>{who} at {time}</source>
        <translation>{who} a las {time}</translation>
    </message>
    <message>
        <source>{who} on {date}</source>
        <translation>{who} el {date}</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>agotado</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>New link…</source>
        <translation>Nuevo enlace…</translation>
    </message>
    <message>
        <source>Make a link to one file or folder of the share (or drop it on the window)</source>
        <translation>Crear un enlace a un archivo o carpeta del recurso compartido (o soltarlo en la ventana)</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Address the links use</source>
        <translation>Dirección que usan los enlaces</translation>
    </message>
    <message>
        <source>Share links</source>
        <translation>Enlaces para compartir</translation>
    </message>
    <message>
        <source>QR code of the selected link</source>
        <translation>Código QR del enlace seleccionado</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s address</source>
        <translation>Copiar la dirección del enlace seleccionado</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Revoke ends the link at once (downloads on it are cancelled); make a new link to give the item again</source>
        <translation>Revocar termina el enlace de inmediato (se cancelan sus descargas); cree un enlace nuevo para volver a dar el elemento</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Let PINs be tried again on this link (it was locked after 10 wrong PINs)</source>
        <translation>Permitir volver a probar PIN en este enlace (se bloqueó tras 10 PIN incorrectos)</translation>
    </message>
    <message>
        <source>Choose a folder to share, then make links to what it holds.</source>
        <translation>Elija una carpeta para compartir y luego cree enlaces a lo que contiene.</translation>
    </message>
    <message>
        <source>Links can be made now; their addresses show once sharing has started.</source>
        <translation>Ya se pueden crear enlaces; sus direcciones aparecen en cuanto empieza el uso compartido.</translation>
    </message>
    <message>
        <source>Anyone with a link can open what it gives until it ends: send it to one person.</source>
        <translation>Cualquiera con un enlace puede abrir lo que da hasta que termine: envíelo a una sola persona.</translation>
    </message>
    <message>
        <source>(once sharing)</source>
        <translation>(al compartir)</translation>
    </message>
    <message>
        <source>Select a link to see its QR code.</source>
        <translation>Seleccione un enlace para ver su código QR.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>subidas permitidas</translation>
    </message>
    <message>
        <source>The address and QR code show once sharing has started.</source>
        <translation>La dirección y el código QR aparecen en cuanto empieza el uso compartido.</translation>
    </message>
    <message>
        <source>Only this computer can open this share: no QR code.</source>
        <translation>Solo este ordenador puede abrir este recurso compartido: no hay código QR.</translation>
    </message>
    <message>
        <source>No folder to share</source>
        <translation>No hay ninguna carpeta para compartir</translation>
    </message>
    <message>
        <source>Choose the folder to share first: a link gives out something it holds.</source>
        <translation>Elija primero la carpeta que compartir: un enlace da algo que contiene.</translation>
    </message>
    <message>
        <source>Could not revoke the link</source>
        <translation>No se pudo revocar el enlace</translation>
    </message>
    <message>
        <source>Could not unlock the link</source>
        <translation>No se pudo desbloquear el enlace</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>Settings not changed: {problem}</source>
        <translation>No se cambiaron los ajustes: {problem}</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before at {address}.</source>
        <translation>Pier sigue compartiendo como antes en {address}.</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before.</source>
        <translation>Pier sigue compartiendo como antes.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Todavía no hay cuentas</translation>
    </message>
    <message>
        <source>Add an account, then turn “Require login” on again.</source>
        <translation>Añada una cuenta y vuelva a activar «Requerir inicio de sesión».</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Abrir Usuarios…</translation>
    </message>
    <message>
        <source>Could not change the share</source>
        <translation>No se pudo cambiar el recurso compartido</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>401: login needed, or a wrong name or password</source>
        <translation>401: hace falta iniciar sesión, o el nombre o la contraseña son incorrectos</translation>
    </message>
    <message>
        <source>429: locked out for a while after too many wrong passwords</source>
        <translation>429: bloqueado un tiempo tras demasiadas contraseñas incorrectas</translation>
    </message>
    <message>
        <source>{size} (cut short)</source>
        <translation>{size} (cortado)</translation>
    </message>
    <message>
        <source>{size} of {total}</source>
        <translation>{size} de {total}</translation>
    </message>
    <message>
        <source>{file} (resumable upload, complete of {total})</source>
        <translation>{file} (subida reanudable, completa: {total})</translation>
    </message>
    <message>
        <source>{file} (resumable upload, {percent} of {total})</source>
        <translation>{file} (subida reanudable, {percent} de {total})</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Incompleto: el cliente recibió {sent} bytes (se fue o dejó de leer, o el archivo cambió)</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} of {total} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>Incompleto: el cliente recibió {sent} de {total} bytes (se fue o dejó de leer, o el archivo cambió)</translation>
    </message>
    <message>
        <source>{own} to answer; it also waited {waited} for a thumbnail being made (background work), {total} in all</source>
        <translation>{own} en responder; además esperó {waited} a que se creara una miniatura (trabajo en segundo plano), {total} en total</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Success (2xx)</source>
        <translation>Correctas (2xx)</translation>
    </message>
    <message>
        <source>Redirects (3xx)</source>
        <translation>Redirecciones (3xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Errores del cliente (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Errores del servidor (5xx)</translation>
    </message>
    <message>
        <source>All errors (4xx, 5xx)</source>
        <translation>Todos los errores (4xx, 5xx)</translation>
    </message>
    <message>
        <source>Filter by path, client, user, method, status or agent</source>
        <translation>Filtrar por ruta, cliente, usuario, método, estado o agente</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Filtrar peticiones</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation>Filtrar por cliente</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Todos los clientes</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>Pausar el registro</translation>
    </message>
    <message>
        <source>Stop adding rows; nothing is lost meanwhile</source>
        <translation>Dejar de añadir filas; mientras tanto no se pierde nada</translation>
    </message>
    <message>
        <source>Latest ↓</source>
        <translation>Más reciente ↓</translation>
    </message>
    <message>
        <source>Scroll to the latest request</source>
        <translation>Desplazarse a la petición más reciente</translation>
    </message>
    <message>
        <source>Jump to the newest request and follow the log</source>
        <translation>Saltar a la petición más reciente y seguir el registro</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>Vaciar el registro</translation>
    </message>
    <message>
        <source>Remove all rows (Ctrl+L)</source>
        <translation>Quitar todas las filas (Ctrl+L)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>Exportar las peticiones visibles</translation>
    </message>
    <message>
        <source>Save the rows shown to CSV or JSON Lines</source>
        <translation>Guardar las filas mostradas en CSV o JSON Lines</translation>
    </message>
    <message>
        <source>Show chunks</source>
        <translation>Fragmentos</translation>
    </message>
    <message>
        <source>Show every request of resumable uploads</source>
        <translation>Mostrar cada petición de las subidas reanudables</translation>
    </message>
    <message>
        <source>A resumable upload is one row, updated as its chunks arrive; check to see each of its requests (PATCH, HEAD) as a row of its own</source>
        <translation>Una subida reanudable es una fila que se actualiza al llegar sus fragmentos; márquelo para ver cada una de sus peticiones (PATCH, HEAD) en una fila propia</translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Peticiones&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Registro de peticiones</translation>
    </message>
    <message>
        <source>Select all requests</source>
        <translation>Seleccionar todas las peticiones</translation>
    </message>
    <message>
        <source>No requests yet. They appear here as soon as someone opens the shared address.</source>
        <translation>Todavía no hay peticiones. Aparecen aquí en cuanto alguien abre la dirección compartida.</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>Detalles de la petición seleccionada</translation>
    </message>
    <message>
        <source>Select a request to see all its details here.</source>
        <translation>Seleccione una petición para ver aquí todos sus detalles.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>Reanudar el registro</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nada que exportar</translation>
    </message>
    <message>
        <source>There are no requests in the log (or none match the filter).</source>
        <translation>No hay peticiones en el registro (o ninguna coincide con el filtro).</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>No se pudo escribir {file}: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shown</source>
        <translation>
            <numerusform>{shown} de %n mostrada</numerusform>
            <numerusform>{shown} de %n mostradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n petición</numerusform>
            <numerusform>%n peticiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n upload chunks folded</source>
        <translation>
            <numerusform> · %n fragmento de subida agrupado</numerusform>
            <numerusform> · %n fragmentos de subida agrupados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting (paused)</source>
        <translation>
            <numerusform> · %n en espera (en pausa)</numerusform>
            <numerusform> · %n en espera (en pausa)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anónimo)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>{size} ({bytes} bytes)</source>
        <translation>{size} ({bytes} bytes)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Agente de usuario</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Referer</source>
        <translation>Referer</translation>
    </message>
    <message>
        <source>{own}, and it waited {waited} for a thumbnail being made (background work, not a slow answer)</source>
        <translation>{own}, y esperó {waited} a que se creara una miniatura (trabajo en segundo plano, no una respuesta lenta)</translation>
    </message>
    <message>
        <source>, incomplete: cut short</source>
        <translation>, incompleto: cortado</translation>
    </message>
    <message>
        <source>, incomplete: of {bytes} bytes</source>
        <translation>, incompleto: de {bytes} bytes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Compartir</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>Elegir &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>&amp;Empezar a compartir</translation>
    </message>
    <message>
        <source>&amp;Users and passwords…</source>
        <translation>&amp;Usuarios y contraseñas…</translation>
    </message>
    <message>
        <source>HTTPS c&amp;ertificate…</source>
        <translation>Certificado &amp;HTTPS…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Peticiones</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrar…</translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>&amp;Pausar o reanudar</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>&amp;Export visible rows…</source>
        <translation>E&amp;xportar filas visibles…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Pier</source>
        <translation>&amp;Acerca de Pier</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Más menús</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>Se han restablecido los ajustes</translation>
    </message>
    <message>
        <source>Choose a folder to share, then press Start.</source>
        <translation>Elija una carpeta para compartir y pulse Empezar.</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>&amp;Dejar de compartir</translation>
    </message>
    <message>
        <source>Pier — sharing {folder}</source>
        <translation>Pier — compartiendo {folder}</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Compartiendo en {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartiendo</translation>
    </message>
    <message>
        <source>Stopped sharing</source>
        <translation>Se ha dejado de compartir</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problema con las cuentas</translation>
    </message>
    <message>
        <source>Folder chosen. Press “Start sharing”.</source>
        <translation>Carpeta elegida. Pulse «Empezar a compartir».</translation>
    </message>
    <message>
        <source>About Pier</source>
        <translation>Acerca de Pier</translation>
    </message>
    <message>
        <source>Pier shares a folder with the devices on your local network.

Pick a folder, press Start sharing, then open the address shown (or scan the QR code) on another device.</source>
        <translation>Pier comparte una carpeta con los dispositivos de su red local.

Elija una carpeta, pulse «Empezar a compartir» y abra la dirección que aparece (o escanee el código QR) en otro dispositivo.</translation>
    </message>
</context>
<context>
    <name>MonitorTabs</name>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Enlaces</translation>
    </message>
    <message>
        <source>Limits &amp;&amp; access</source>
        <translation>Límites y acceso</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>Recoger</translation>
    </message>
</context>
<context>
    <name>NewLinkDialog</name>
    <message>
        <source>New link</source>
        <translation>Nuevo enlace</translation>
    </message>
    <message>
        <source>Give one file or folder of the share to someone for a while, without an account. Anyone with the link can open it until it ends.</source>
        <translation>Dé un archivo o una carpeta del recurso compartido a alguien durante un tiempo, sin cuenta. Cualquiera con el enlace puede abrirlo hasta que termine.</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>Archivo o carpeta:</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>Termina tras:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>Límite de descargas</translation>
    </message>
    <message>
        <source>The link ends after this many complete downloads (views and previews count too). A video player may fetch the end of a file first, which counts: allow a few downloads for a video</source>
        <translation>El enlace termina tras este número de descargas completas (las visualizaciones y vistas previas también cuentan). Un reproductor de vídeo puede pedir primero el final de un archivo, lo que cuenta: permita unas cuantas descargas para un vídeo</translation>
    </message>
    <message>
        <source>Downloads:</source>
        <translation>Descargas:</translation>
    </message>
    <message>
        <source>No PIN (4 to 64 characters)</source>
        <translation>Sin PIN (de 4 a 64 caracteres)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Asked before the link opens; tell it to the person separately</source>
        <translation>Se pide antes de abrir el enlace; dígaselo a la persona por separado</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>People with the link may upload here</source>
        <translation>Las personas con el enlace pueden subir archivos aquí</translation>
    </message>
    <message>
        <source>A drop box: only for a folder</source>
        <translation>Un buzón de entrega: solo para una carpeta</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Crear enlace</translation>
    </message>
    <message>
        <source>File or folder to link</source>
        <translation>Archivo o carpeta que enlazar</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>Choose a file inside the share</source>
        <translation>Elija un archivo dentro del recurso compartido</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elija un archivo</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>Elija una carpeta dentro del recurso compartido</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elija una carpeta</translation>
    </message>
    <message>
        <source>Link ends after</source>
        <translation>El enlace termina tras</translation>
    </message>
    <message>
        <source>Last day of the link</source>
        <translation>Último día del enlace</translation>
    </message>
    <message>
        <source>The link works to the end of this day</source>
        <translation>El enlace funciona hasta el final de este día</translation>
    </message>
    <message>
        <source>Choose a file to link</source>
        <translation>Elija un archivo que enlazar</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>Hasta una fecha</translation>
    </message>
</context>
<context>
    <name>RateInput</name>
    <message>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>{caption}, unit</source>
        <translation>{caption}, unidad</translation>
    </message>
</context>
<context>
    <name>ReceivedTextBanner</name>
    <message>
        <source>A text arrived</source>
        <translation>Ha llegado un texto</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Put the whole text on the clipboard</source>
        <translation>Poner todo el texto en el portapapeles</translation>
    </message>
    <message>
        <source>Copy the text that arrived</source>
        <translation>Copiar el texto que ha llegado</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the text that arrived</source>
        <translation>Descartar el texto que ha llegado</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Pier could not read its settings ({reason}).</source>
        <translation>Pier no ha podido leer sus ajustes ({reason}).</translation>
    </message>
    <message>
        <source>The settings file {file} was damaged ({reason}). Defaults are used.</source>
        <translation>El archivo de ajustes {file} estaba dañado ({reason}). Se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source> A copy was kept as {file}.</source>
        <translation> Se ha guardado una copia como {file}.</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>The shared folder is gone ({folder}): it was removed or renamed, or its disk was unplugged. Visitors see “This share is unavailable”. Sharing resumes by itself when the same folder is back.</source>
        <translation>La carpeta compartida ha desaparecido ({folder}): se eliminó o se cambió de nombre, o se desconectó su disco. Los visitantes ven «Este recurso compartido no está disponible». El uso compartido se reanuda solo cuando vuelve la misma carpeta.</translation>
    </message>
    <message>
        <source>The shared folder is unavailable</source>
        <translation>La carpeta compartida no está disponible</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>nothing (log in first)</source>
        <translation>nada (antes, iniciar sesión)</translation>
    </message>
    <message>
        <source>look and download</source>
        <translation>mirar y descargar</translation>
    </message>
    <message>
        <source>look, download and upload</source>
        <translation>mirar, descargar y subir</translation>
    </message>
    <message>
        <source>look, download, upload and change</source>
        <translation>mirar, descargar, subir y cambiar</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Solo este ordenador</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>Red local</translation>
    </message>
    <message>
        <source>Not sharing</source>
        <translation>Sin compartir</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartiendo</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>1. Choose what to share</source>
        <translation>1. Elija qué compartir</translation>
    </message>
    <message>
        <source>2. Start</source>
        <translation>2. Empezar</translation>
    </message>
    <message>
        <source>Who can do what</source>
        <translation>Quién puede hacer qué</translation>
    </message>
    <message>
        <source>3. Open it on another device</source>
        <translation>3. Ábralo en otro dispositivo</translation>
    </message>
    <message>
        <source>Choose a folder, or drop one on this window</source>
        <translation>Elija una carpeta, o suelte una en esta ventana</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>Carpeta que compartir</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Elegir carpeta</translation>
    </message>
    <message>
        <source>Pick the folder to share</source>
        <translation>Escoger la carpeta que compartir</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Quién puede conectarse</translation>
    </message>
    <message>
        <source>“Local network” lets phones and other computers connect.</source>
        <translation>«Red local» permite que se conecten teléfonos y otros ordenadores.</translation>
    </message>
    <message>
        <source>Who can connect:</source>
        <translation>Quién puede conectarse:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Cualquier puerto libre</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>1 to 65535. “Any free port” (0) lets Pier pick one and keep it for the next starts.</source>
        <translation>De 1 a 65535. «Cualquier puerto libre» (0) deja que Pier elija uno y lo conserve para los próximos inicios.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Show hidden files</source>
        <translation>Mostrar archivos ocultos</translation>
    </message>
    <message>
        <source>Also share names starting with “.”</source>
        <translation>Compartir también los nombres que empiezan por «.»</translation>
    </message>
    <message>
        <source>Website mode</source>
        <translation>Modo sitio web</translation>
    </message>
    <message>
        <source>Open a folder&apos;s index.html instead of its listing and run the share&apos;s pages and scripts as a website. Pages in the share, uploaded ones included, then run as this share with each visitor&apos;s login: turn it on only for files you trust, and not with uploads from others.</source>
        <translation>Abrir el index.html de una carpeta en lugar de su listado y ejecutar las páginas y los scripts del recurso compartido como un sitio web. Las páginas del recurso compartido, incluidas las subidas, se ejecutan entonces como este recurso con la sesión de cada visitante: actívelo solo para archivos de confianza, y no con subidas de otras personas.</translation>
    </message>
    <message>
        <source>Require login</source>
        <translation>Requerir inicio de sesión</translation>
    </message>
    <message>
        <source>Only people with an account (Users…) get in</source>
        <translation>Solo entran las personas con cuenta (Usuarios…)</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Usuarios…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Add and manage accounts (Ctrl+U)</source>
        <translation>Añadir y gestionar cuentas (Ctrl+U)</translation>
    </message>
    <message>
        <source>Visitors without an account may</source>
        <translation>Los visitantes sin cuenta pueden</translation>
    </message>
    <message>
        <source>Visitors without an account may:</source>
        <translation>Los visitantes sin cuenta pueden:</translation>
    </message>
    <message>
        <source>Allow uploads</source>
        <translation>Permitir subidas</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the upload permission) may add files and folders</source>
        <translation>Los visitantes (o las cuentas con permiso de subida) pueden añadir archivos y carpetas</translation>
    </message>
    <message>
        <source>Allow changes</source>
        <translation>Permitir cambios</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the “change” permission) may rename, move and delete files and folders, and uploads may replace a file of the same name. Deleted items go to this computer&apos;s trash</source>
        <translation>Los visitantes (o las cuentas con el permiso «cambiar») pueden renombrar, mover y eliminar archivos y carpetas, y las subidas pueden reemplazar un archivo con el mismo nombre. Lo eliminado va a la papelera de este ordenador</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Largest upload</source>
        <translation>Subida máxima</translation>
    </message>
    <message>
        <source>Larger uploads are refused before they are sent</source>
        <translation>Las subidas más grandes se rechazan antes de enviarse</translation>
    </message>
    <message>
        <source>Largest:</source>
        <translation>Máximo:</translation>
    </message>
    <message>
        <source>Allow permanent deletes where there is no trash</source>
        <translation>Sin papelera, permitir borrar para siempre</translation>
    </message>
    <message>
        <source>Some disks (network folders) have no trash: a delete there is refused unless this is on, and then it cannot be undone</source>
        <translation>Algunos discos (carpetas de red) no tienen papelera: allí se rechaza eliminar salvo que esto esté activado, y entonces no se puede deshacer</translation>
    </message>
    <message>
        <source>HTTPS (encrypted)</source>
        <translation>HTTPS (cifrado)</translation>
    </message>
    <message>
        <source>Devices must trust Pier&apos;s certificate once (Certificate…)</source>
        <translation>Los dispositivos deben confiar una vez en el certificado de Pier (Certificado…)</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>Certificado…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>See, make or import the HTTPS certificate</source>
        <translation>Ver, crear o importar el certificado HTTPS</translation>
    </message>
    <message>
        <source>Now: {summary}</source>
        <translation>Ahora: {summary}</translation>
    </message>
    <message>
        <source>Will share with: {summary}</source>
        <translation>Se compartirá con: {summary}</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Empezar a compartir</translation>
    </message>
    <message>
        <source>for {time}</source>
        <translation>durante {time}</translation>
    </message>
</context>
<context>
    <name>ShareTextDialog</name>
    <message>
        <source>Share text</source>
        <translation>Compartir texto</translation>
    </message>
    <message>
        <source>Everyone who may read the share sees this text on top of the page, with a Copy button, until you clear it or sharing stops.</source>
        <translation>Todos los que pueden leer el recurso compartido ven este texto en la parte superior de la página, con un botón Copiar, hasta que lo borre o deje de compartir.</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>Texto que compartir</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Share this text</source>
        <translation>Compartir este texto</translation>
    </message>
</context>
<context>
    <name>SharedTextBar</name>
    <message>
        <source>Share text…</source>
        <translation>Compartir texto…</translation>
    </message>
    <message>
        <source>Show a text on the page, for everyone who may read it</source>
        <translation>Mostrar un texto en la página, para todos los que pueden leerla</translation>
    </message>
    <message>
        <source>Share text</source>
        <translation>Compartir texto</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Clear the shared text</source>
        <translation>Borrar el texto compartido</translation>
    </message>
    <message>
        <source>On the page: {text}</source>
        <translation>En la página: {text}</translation>
    </message>
    <message>
        <source>No text on the page. Share one for everyone who reads the share.</source>
        <translation>No hay texto en la página. Comparta uno para todos los que leen el recurso compartido.</translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <source>Invalid port</source>
        <translation>Puerto no válido</translation>
    </message>
    <message>
        <source>Cannot share this folder</source>
        <translation>No se puede compartir esta carpeta</translation>
    </message>
    <message>
        <source>{problem}

Add an account now, then press Start again.</source>
        <translation>{problem}

Añada una cuenta ahora y luego pulse Empezar de nuevo.</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Todavía no hay cuentas</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>Abrir Usuarios…</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>Problema con las cuentas</translation>
    </message>
    <message>
        <source>{problem}

Open Share ▸ HTTPS certificate… to make a new certificate or import another one, or turn HTTPS off.</source>
        <translation>{problem}

Abra Compartir ▸ Certificado HTTPS… para crear un certificado nuevo o importar otro, o desactive HTTPS.</translation>
    </message>
    <message>
        <source>HTTPS certificate problem</source>
        <translation>Problema con el certificado HTTPS</translation>
    </message>
    <message>
        <source>Could not start sharing</source>
        <translation>No se pudo empezar a compartir</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Puerto en uso</translation>
    </message>
    <message>
        <source>{problem}

Another program is using port {port}. Pier can pick a free port instead.</source>
        <translation>{problem}

Otro programa está usando el puerto {port}. Pier puede elegir un puerto libre en su lugar.</translation>
    </message>
    <message>
        <source>Port not allowed</source>
        <translation>Puerto no permitido</translation>
    </message>
    <message>
        <source>{problem}

Ports below 1024 need administrator rights on this system. Pier can pick a free port instead.</source>
        <translation>{problem}

Los puertos por debajo de 1024 requieren permisos de administrador en este sistema. Pier puede elegir un puerto libre en su lugar.</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>Usar un puerto libre</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n devices are connected</source>
        <translation>
            <numerusform>%n dispositivo está conectado</numerusform>
            <numerusform>%n dispositivos están conectados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfers are running</source>
        <translation>
            <numerusform>%n transferencia está en curso</numerusform>
            <numerusform>%n transferencias están en curso</numerusform>
        </translation>
    </message>
    <message>
        <source>{connected} and {running}</source>
        <translation>{connected} y {running}</translation>
    </message>
    <message>
        <source>No login: anyone who connects may download</source>
        <translation>Sin inicio de sesión: cualquiera que se conecte puede descargar</translation>
    </message>
    <message>
        <source>Login required</source>
        <translation>Se requiere iniciar sesión</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download, upload and rename, move and delete</source>
        <translation>Inicio de sesión para cuentas · los visitantes pueden mirar, descargar, subir y renombrar, mover y eliminar</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and upload</source>
        <translation>Inicio de sesión para cuentas · los visitantes pueden mirar, descargar y subir</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and rename, move and delete</source>
        <translation>Inicio de sesión para cuentas · los visitantes pueden mirar, descargar y renombrar, mover y eliminar</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look and download</source>
        <translation>Inicio de sesión para cuentas · los visitantes pueden mirar y descargar</translation>
    </message>
    <message>
        <source>download only</source>
        <translation>solo descargar</translation>
    </message>
    <message>
        <source>anyone may upload, rename, move and delete</source>
        <translation>cualquiera puede subir, renombrar, mover y eliminar</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>subidas permitidas</translation>
    </message>
    <message>
        <source>anyone may rename, move and delete</source>
        <translation>cualquiera puede renombrar, mover y eliminar</translation>
    </message>
    <message>
        <source>accounts with “upload” may add files</source>
        <translation>las cuentas con «subir» pueden añadir archivos</translation>
    </message>
    <message>
        <source>accounts with “change” may rename, move and delete</source>
        <translation>las cuentas con «cambiar» pueden renombrar, mover y eliminar</translation>
    </message>
    <message>
        <source> (deleted items go to the trash, or for good where there is none)</source>
        <translation> (lo eliminado va a la papelera, o se borra definitivamente donde no la hay)</translation>
    </message>
    <message>
        <source> (deleted items go to the trash)</source>
        <translation> (lo eliminado va a la papelera)</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>HTTP simple (sin cifrar)</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share, uploaded ones too</source>
        <translation>modo sitio web: las páginas del recurso compartido se ejecutan como el recurso compartido, también las subidas</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share</source>
        <translation>modo sitio web: las páginas del recurso compartido se ejecutan como el recurso compartido</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Compartiendo en {address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartiendo</translation>
    </message>
    <message>
        <source>Now sharing on this computer only at {address}</source>
        <translation>Ahora se comparte solo en este equipo, en {address}</translation>
    </message>
    <message>
        <source>Now sharing on this computer only</source>
        <translation>Ahora se comparte solo en este equipo</translation>
    </message>
    <message>
        <source>Now sharing on the local network at {address}</source>
        <translation>Ahora se comparte en la red local, en {address}</translation>
    </message>
    <message>
        <source>Now sharing on the local network</source>
        <translation>Ahora se comparte en la red local</translation>
    </message>
    <message>
        <source>Now sharing {folder} at {address}</source>
        <translation>Ahora se comparte {folder} en {address}</translation>
    </message>
    <message>
        <source>Now sharing {folder}</source>
        <translation>Ahora se comparte {folder}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS at {address}</source>
        <translation>Ahora se comparte con HTTPS en {address}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS</source>
        <translation>Ahora se comparte con HTTPS</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted) at {address}</source>
        <translation>Ahora se comparte sin HTTPS (sin cifrar) en {address}</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted)</source>
        <translation>Ahora se comparte sin HTTPS (sin cifrar)</translation>
    </message>
    <message>
        <source>Now sharing at {address}</source>
        <translation>Ahora se comparte en {address}</translation>
    </message>
    <message>
        <source>Now sharing</source>
        <translation>Ahora se comparte</translation>
    </message>
    <message>
        <source>New settings apply now, from the next request</source>
        <translation>Los nuevos ajustes se aplican ya, desde la próxima petición</translation>
    </message>
</context>
<context>
    <name>TextBanners</name>
    <message>
        <source>Text from {who}, saved as {file}:</source>
        <translation>Texto de {who}, guardado como {file}:</translation>
    </message>
</context>
<context>
    <name>TextControls</name>
    <message>
        <source>Share &amp;text…</source>
        <translation>Compartir &amp;texto…</translation>
    </message>
    <message>
        <source>Share the clipboard&apos;s text</source>
        <translation>Compartir el texto del portapapeles</translation>
    </message>
    <message>
        <source>C&amp;lear shared text</source>
        <translation>&amp;Borrar el texto compartido</translation>
    </message>
</context>
<context>
    <name>TrafficTexts</name>
    <message numerus="yes">
        <source>In the cache: {size} in %n files. </source>
        <translation>
            <numerusform>En la caché: {size} en %n archivo. </numerusform>
            <numerusform>En la caché: {size} en %n archivos. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Errors (4xx/5xx)</source>
        <translation>Errores (4xx/5xx)</translation>
    </message>
    <message>
        <source>Connections now</source>
        <translation>Conexiones ahora</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>Latencia p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Thumbnails are made in the background, so downloads stay fast. Requests for them are counted here rather than in the busiest paths, and the time one waited for a thumbnail being made is not counted as slowness.</source>
        <translation>Las miniaturas se crean en segundo plano para que las descargas sigan siendo rápidas. Las peticiones de miniaturas se cuentan aquí en lugar de en las rutas más solicitadas, y el tiempo de espera a que se cree una miniatura no cuenta como lentitud.</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} en espera</translation>
    </message>
    <message>
        <source>{count} being made</source>
        <translation>{count} en creación</translation>
    </message>
    <message>
        <source>{count} made</source>
        <translation>{count} creadas</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} fallidas</translation>
    </message>
    <message>
        <source>{count} served</source>
        <translation>{count} servidas</translation>
    </message>
    <message>
        <source>Thumbnails: {work}</source>
        <translation>Miniaturas: {work}</translation>
    </message>
    <message>
        <source>none made yet</source>
        <translation>aún no se ha creado ninguna</translation>
    </message>
    <message>
        <source>Answered from memory {memory} times, from the disk {disk} times. Failed: files that gave no picture (broken, too large, or a video that cannot be read); visitors see an icon.</source>
        <translation>Respondidas desde la memoria {memory} veces y desde el disco {disk} veces. Fallidas: archivos que no dieron imagen (dañados, demasiado grandes o un vídeo que no se puede leer); los visitantes ven un icono.</translation>
    </message>
    <message>
        <source>Charts update once a second while sharing.</source>
        <translation>Los gráficos se actualizan una vez por segundo mientras se comparte.</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Peticiones/s</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Conexiones activas</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Errores/s</translation>
    </message>
    <message>
        <source>Most requested paths</source>
        <translation>Rutas más solicitadas</translation>
    </message>
    <message>
        <source>Paths by data sent</source>
        <translation>Rutas por datos enviados</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Not sharing</source>
        <translation>Sin compartir</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>Empezar a compartir</translation>
    </message>
    <message>
        <source>Open window</source>
        <translation>Abrir la ventana</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>Compartiendo en {address}</translation>
    </message>
    <message>
        <source>Pier — sharing at {address}</source>
        <translation>Pier — compartiendo en {address}</translation>
    </message>
    <message>
        <source>Pier — not sharing</source>
        <translation>Pier — sin compartir</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>Digest is only for old apps that cannot log in over HTTPS; leave it off unless one needs it, because Pier must then keep a password-equivalent secret for this account.</source>
        <translation>Digest es solo para aplicaciones antiguas que no pueden iniciar sesión por HTTPS; déjelo desactivado salvo que alguna lo necesite, porque entonces Pier tiene que guardar un secreto equivalente a la contraseña para esta cuenta.</translation>
    </message>
    <message>
        <source>Turning Digest on takes effect after the next password change or normal login of this user.</source>
        <translation>Activar Digest surte efecto tras el próximo cambio de contraseña o el próximo inicio de sesión normal de este usuario.</translation>
    </message>
    <message>
        <source>At least {count} characters. A few unrelated words are strong and easy to type on a phone.</source>
        <translation>Al menos {count} caracteres. Unas cuantas palabras sin relación entre sí son seguras y fáciles de escribir en un teléfono.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Editar {name}</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Nueva contraseña para {name}</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ej., alicia</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repetir la contraseña</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Seguridad de la contraseña</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <source>What this user may do</source>
        <translation>Qué puede hacer este usuario</translation>
    </message>
    <message>
        <source>See and download files</source>
        <translation>Ver y descargar archivos</translation>
    </message>
    <message>
        <source>Upload files and make folders (when the share allows uploads)</source>
        <translation>Subir archivos y crear carpetas (cuando el recurso compartido permite subidas)</translation>
    </message>
    <message>
        <source>Change and delete: rename, move, delete and replace files (when the share allows changes)</source>
        <translation>Cambiar y eliminar: renombrar, mover, eliminar y reemplazar archivos (cuando el recurso compartido permite cambios)</translation>
    </message>
    <message>
        <source>Account enabled (may log in)</source>
        <translation>Cuenta activada (puede iniciar sesión)</translation>
    </message>
    <message>
        <source>In the whole shared folder</source>
        <translation>En toda la carpeta compartida</translation>
    </message>
    <message>
        <source>Only in these folders:</source>
        <translation>Solo en estas carpetas:</translation>
    </message>
    <message>
        <source>Allowed folders</source>
        <translation>Carpetas permitidas</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Pick a folder inside the share</source>
        <translation>Escoger una carpeta dentro del recurso compartido</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Quitar carpeta</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>Last day the account works</source>
        <translation>Último día en que funciona la cuenta</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Advanced: Digest login</source>
        <translation>Avanzado: inicio de sesión Digest</translation>
    </message>
    <message>
        <source>Allow Digest login (SHA-256)</source>
        <translation>Permitir inicio de sesión Digest (SHA-256)</translation>
    </message>
    <message>
        <source>Also MD5, for old clients</source>
        <translation>También MD5, para clientes antiguos</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>Escriba una contraseña.</translation>
    </message>
    <message>
        <source>The password is too weak. {advice}</source>
        <translation>La contraseña es demasiado débil. {advice}</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Add at least one folder, or choose “In the whole shared folder”.</source>
        <translation>Añada al menos una carpeta, o elija «En toda la carpeta compartida».</translation>
    </message>
    <message>
        <source>Choose the shared folder first</source>
        <translation>Elija primero la carpeta compartida</translation>
    </message>
    <message>
        <source>Folders are picked inside the shared folder. Choose the folder to share in the main window first.</source>
        <translation>Las carpetas se escogen dentro de la carpeta compartida. Elija primero en la ventana principal la carpeta que compartir.</translation>
    </message>
    <message>
        <source>Not inside the share</source>
        <translation>No está dentro del recurso compartido</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>(off for this share)</source>
        <translation>(desactivado en este recurso compartido)</translation>
    </message>
    <message>
        <source>Uploads are turned off for this share (“Allow uploads” in the main window), so nobody can upload now, whatever their permission says.</source>
        <translation>Las subidas están desactivadas en este recurso compartido («Permitir subidas» en la ventana principal), así que ahora nadie puede subir, digan lo que digan sus permisos.</translation>
    </message>
    <message>
        <source>Changes are turned off for this share (“Allow changes” in the main window), so nobody can rename, move or delete now, whatever their permission says.</source>
        <translation>Los cambios están desactivados en este recurso compartido («Permitir cambios» en la ventana principal), así que ahora nadie puede renombrar, mover ni eliminar, digan lo que digan sus permisos.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>subir</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambiar</translation>
    </message>
    <message>
        <source>download</source>
        <translation>descargar</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
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
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Users — Pier</source>
        <translation>Usuarios — Pier</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Bloqueados</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directorio</translation>
    </message>
    <message>
        <source>Scroll the tabs</source>
        <translation>Desplazar las pestañas</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Seleccionar todas las filas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>People with an account log in with their name and password when “Require login” is on in the main window. Changes apply at once, even while sharing.</source>
        <translation>Las personas con cuenta inician sesión con su nombre y contraseña cuando «Requerir inicio de sesión» está activado en la ventana principal. Los cambios se aplican de inmediato, incluso mientras se comparte.</translation>
    </message>
    <message>
        <source>No accounts yet. Press “Add user…” to create one.</source>
        <translation>Todavía no hay cuentas. Pulse «Añadir usuario…» para crear una.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Añadir usuario…</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Crear una cuenta</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change permissions, folders, expiry</source>
        <translation>Cambiar permisos, carpetas, caducidad</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Cambiar contraseña…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Stop or allow this account&apos;s logins</source>
        <translation>Impedir o permitir los inicios de sesión de esta cuenta</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete the account</source>
        <translation>Eliminar la cuenta</translation>
    </message>
    <message>
        <source>whole share</source>
        <translation>todo el recurso compartido</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Could not add the user</source>
        <translation>No se pudo añadir el usuario</translation>
    </message>
    <message>
        <source>Adding {name} (hashing the password)…</source>
        <translation>Añadiendo a {name} (calculando el hash de la contraseña)…</translation>
    </message>
    <message>
        <source>Could not change the user</source>
        <translation>No se pudo cambiar el usuario</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Guardando {name}…</translation>
    </message>
    <message>
        <source>Could not change the password</source>
        <translation>No se pudo cambiar la contraseña</translation>
    </message>
    <message>
        <source>Changing the password of {name}…</source>
        <translation>Cambiando la contraseña de {name}…</translation>
    </message>
    <message>
        <source>Delete the account?</source>
        <translation>¿Eliminar la cuenta?</translation>
    </message>
    <message>
        <source>Delete the account “{name}”? This user will no longer be able to log in.</source>
        <translation>¿Eliminar la cuenta «{name}»? Este usuario ya no podrá iniciar sesión.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Could not delete the user</source>
        <translation>No se pudo eliminar el usuario</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>Eliminando {name}…</translation>
    </message>
    <message>
        <source>Who is locked out appears here while sharing with “Require login” on.</source>
        <translation>Quién está bloqueado aparece aquí mientras se comparte con «Requerir inicio de sesión» activado.</translation>
    </message>
    <message>
        <source>Nobody is locked out. After 5 wrong passwords, an address or a user name must wait before trying again.</source>
        <translation>No hay nadie bloqueado. Tras 5 contraseñas incorrectas, una dirección o un nombre de usuario debe esperar antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>These addresses and user names typed wrong passwords too often and must wait. Release lets them try now.</source>
        <translation>Estas direcciones y nombres de usuario escribieron contraseñas incorrectas demasiadas veces y deben esperar. «Liberar» les permite intentarlo ya.</translation>
    </message>
    <message>
        <source>Locked out ({count})</source>
        <translation>Bloqueados ({count})</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <source>Let this address or user try again now</source>
        <translation>Permitir que esta dirección o usuario lo intente de nuevo ya</translation>
    </message>
    <message>
        <source>Release {who}</source>
        <translation>Liberar {who}</translation>
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
        <translation>WEP (antigua)</translation>
    </message>
    <message>
        <source>None (open network)</source>
        <translation>Ninguna (red abierta)</translation>
    </message>
    <message>
        <source>Get the phone on this Wi-Fi</source>
        <translation>Conectar el teléfono a esta Wi-Fi</translation>
    </message>
    <message>
        <source>Type your Wi-Fi&apos;s details; the phone joins it by scanning the code. Pier keeps none of them.</source>
        <translation>Escriba los datos de su Wi-Fi; el teléfono se conecta escaneando el código. Pier no guarda ninguno.</translation>
    </message>
    <message>
        <source>Wi-Fi name (SSID)</source>
        <translation>Nombre de la Wi-Fi (SSID)</translation>
    </message>
    <message>
        <source>Wi-Fi security</source>
        <translation>Seguridad de la Wi-Fi</translation>
    </message>
    <message>
        <source>Wi-Fi password</source>
        <translation>Contraseña de la Wi-Fi</translation>
    </message>
    <message>
        <source>Hidden network</source>
        <translation>Red oculta</translation>
    </message>
    <message>
        <source>Name (SSID):</source>
        <translation>Nombre (SSID):</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Seguridad:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Show Wi-Fi code</source>
        <translation>Mostrar el código de la Wi-Fi</translation>
    </message>
    <message>
        <source>QR code to join the Wi-Fi</source>
        <translation>Código QR para conectarse a la Wi-Fi</translation>
    </message>
</context>
</TS>
