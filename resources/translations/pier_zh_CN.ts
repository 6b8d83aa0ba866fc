<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>{folder} is not inside the shared folder {share}. Choose a folder inside it.</source>
        <translation>{folder} 不在共享文件夹 {share} 中。请选择其中的文件夹。</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>This system has no “xdg-open”, which Pier uses to find your web browser (on Debian or Ubuntu it comes with the xdg-utils package).</source>
        <translation>此系统没有 “xdg-open”，Pier 用它来查找您的网页浏览器（在 Debian 或 Ubuntu 上由 xdg-utils 软件包提供）。</translation>
    </message>
    <message>
        <source>No default web browser is set up, or it did not start.</source>
        <translation>未设置默认网页浏览器，或浏览器未能启动。</translation>
    </message>
    <message>
        <source>Port changed</source>
        <translation>端口已更改</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>允许我网络中的设备访问</translation>
    </message>
    <message>
        <source>Share with phones and other computers on this network (restarts the share on the local network)</source>
        <translation>与此网络中的手机和其他电脑共享（在局域网上重新启动共享）</translation>
    </message>
    <message>
        <source>Addresses of the share</source>
        <translation>共享的地址</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Copy the selected address</source>
        <translation>复制所选地址</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open the selected address in your browser</source>
        <translation>在浏览器中打开所选地址</translation>
    </message>
    <message>
        <source>Connect as a drive…</source>
        <translation>连接为网络驱动器…</translation>
    </message>
    <message>
        <source>Open this share as a network drive: the address to type on Windows, macOS, Linux or in rclone</source>
        <translation>将此共享作为网络驱动器打开：在 Windows、macOS、Linux 或 rclone 中输入的地址</translation>
    </message>
    <message>
        <source>Phone can&apos;t connect?</source>
        <translation>手机连不上？</translation>
    </message>
    <message>
        <source>Test the connection from your phone and find out what stops it (firewall, network, VPN)</source>
        <translation>从手机测试连接，并找出是什么阻止了它（防火墙、网络、VPN）</translation>
    </message>
    <message>
        <source>QR code of the selected address</source>
        <translation>所选地址的二维码</translation>
    </message>
    <message>
        <source>Address in the QR code</source>
        <translation>二维码中的地址</translation>
    </message>
    <message>
        <source>The addresses to open appear here once sharing has started.</source>
        <translation>开始共享后，可打开的地址会显示在这里。</translation>
    </message>
    <message>
        <source>Only this computer can open these addresses, so there is no QR code: a phone could not use it.</source>
        <translation>只有这台电脑能打开这些地址，因此没有二维码：手机无法使用它。</translation>
    </message>
    <message>
        <source>Open an address on a device in the same network, or scan the code with a phone:</source>
        <translation>在同一网络中的设备上打开某个地址，或用手机扫描二维码：</translation>
    </message>
    <message>
        <source>Could not open a browser</source>
        <translation>无法打开浏览器</translation>
    </message>
    <message>
        <source>Pier asked the system to open {url} in a web browser, but none opened. {why}

Copy the address (Copy address) and paste it into a browser instead.</source>
        <translation>Pier 已请求系统在网页浏览器中打开 {url}，但没有浏览器打开。{why}

请复制地址（复制地址）并粘贴到浏览器中。</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>HTTPS certificate — Pier</source>
        <translation>HTTPS 证书 — Pier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exactly one:&lt;/b&gt; the phone must show exactly ONE certificate, named “Pier local CA…”, in the profile or file it installs. If it shows more, remove it: a copy changed on the way could carry a second authority.</source>
        <translation>&lt;b&gt;只能有一个：&lt;/b&gt;手机安装的描述文件或文件中必须只显示一个证书，名为“Pier local CA…”。如果显示多个，请将其删除：途中被篡改的副本可能带有第二个证书颁发机构。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This computer&apos;s certificate</source>
        <translation>本机证书</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>创建者：</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Pier&apos;s local authority (CA): what devices trust</source>
        <translation>Pier 的本地证书颁发机构（CA）：设备所信任的对象</translation>
    </message>
    <message>
        <source>Replace certificate authority…</source>
        <translation>替换证书颁发机构…</translation>
    </message>
    <message>
        <source>Make a new CA limited to web servers; every device must trust it again</source>
        <translation>创建仅限于 Web 服务器的新 CA；每台设备都必须重新信任它</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trust on a phone&lt;/b&gt;</source>
        <translation>&lt;b&gt;在手机上信任&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Make new certificate…</source>
        <translation>创建新证书…</translation>
    </message>
    <message>
        <source>Generate (or regenerate) the certificate</source>
        <translation>生成（或重新生成）证书</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Use your own certificate and key (PEM)</source>
        <translation>使用您自己的证书和密钥（PEM）</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own</source>
        <translation>使用 Pier 自带的</translation>
    </message>
    <message>
        <source>Stop using the imported certificate</source>
        <translation>停止使用导入的证书</translation>
    </message>
    <message>
        <source>Export CA certificate…</source>
        <translation>导出 CA 证书…</translation>
    </message>
    <message>
        <source>Save the CA certificate to install it on devices</source>
        <translation>保存 CA 证书以便安装到设备上</translation>
    </message>
    <message>
        <source>Cannot read the certificate</source>
        <translation>无法读取证书</translation>
    </message>
    <message>
        <source>Reading the certificate…</source>
        <translation>正在读取证书…</translation>
    </message>
    <message>
        <source>No certificate yet. It is made when you first share with HTTPS, or press “Make new certificate…”.</source>
        <translation>尚无证书。首次以 HTTPS 共享时会创建证书，您也可以点击“创建新证书…”。</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>重新生成…</translation>
    </message>
    <message>
        <source>Pier (generated, self-signed)</source>
        <translation>Pier（已生成，自签名）</translation>
    </message>
    <message>
        <source>Pier (generated, signed by Pier&apos;s CA)</source>
        <translation>Pier（已生成，由 Pier 的 CA 签名）</translation>
    </message>
    <message>
        <source>Imported: {subject}</source>
        <translation>已导入：{subject}</translation>
    </message>
    <message>
        <source>No CA: the certificate is self-signed or imported without one. Devices must trust it directly.</source>
        <translation>无 CA：证书是自签名的，或导入时没有 CA。设备必须直接信任该证书。</translation>
    </message>
    <message>
        <source>Replace the certificate authority (below) first: phones are not offered one an older Pier made.</source>
        <translation>请先替换证书颁发机构（见下方）：旧版 Pier 创建的证书颁发机构不会提供给手机。</translation>
    </message>
    <message>
        <source>The running share still hands out the previous CA. Stop and start sharing, then scan the code.</source>
        <translation>正在运行的共享仍在提供之前的 CA。请停止并重新开始共享，然后扫描二维码。</translation>
    </message>
    <message>
        <source>Devices must trust again</source>
        <translation>设备必须重新信任</translation>
    </message>
    <message>
        <source>Make it</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cannot make the certificate</source>
        <translation>无法创建证书</translation>
    </message>
    <message>
        <source>Making the certificate…</source>
        <translation>正在创建证书…</translation>
    </message>
    <message>
        <source>Imported. Sharing with HTTPS uses it from now on.</source>
        <translation>已导入。以 HTTPS 共享时从现在起使用它。</translation>
    </message>
    <message>
        <source>Pier&apos;s own certificate is used from now on.</source>
        <translation>从现在起使用 Pier 自己的证书。</translation>
    </message>
    <message>
        <source>With HTTPS on, devices check this certificate. Let each device trust Pier&apos;s local authority (CA) once: scan the code with a phone and follow the page it opens (or copy the exported file to the device), then compare the CA fingerprint shown here with the one the device shows.</source>
        <translation>启用 HTTPS 后，设备会检查此证书。请让每台设备信任一次 Pier 的本地证书颁发机构（CA）：用手机扫描二维码并按照打开的页面操作（或将导出的文件复制到设备上），然后将此处显示的 CA 指纹与设备显示的指纹进行比较。</translation>
    </message>
    <message>
        <source>QR code of the trust page&apos;s address</source>
        <translation>信任页面地址的二维码</translation>
    </message>
    <message>
        <source>While sharing with HTTPS and Pier&apos;s own certificate, a code appears here: scan it on a phone to install the CA.</source>
        <translation>以 HTTPS 并使用 Pier 自己的证书共享时，这里会显示二维码：用手机扫描即可安装 CA。</translation>
    </message>
    <message>
        <source>Scan with the phone to open the steps:&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</source>
        <translation>用手机扫描以打开操作步骤：&lt;br&gt;&lt;small&gt;{url}&lt;/small&gt;{note}</translation>
    </message>
    <message>
        <source>New certificate made; a share running with HTTPS uses it now.</source>
        <translation>已创建新证书；以 HTTPS 运行的共享现在就会使用它。</translation>
    </message>
    <message>
        <source>http://&lt;this computer&apos;s address&gt;:&lt;port&gt;/.well-known/pier/trust</source>
        <translation>http://&lt;本机地址&gt;:&lt;端口&gt;/.well-known/pier/trust</translation>
    </message>
    <message>
        <source>Replace the certificate authority?</source>
        <translation>替换证书颁发机构？</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Cannot replace the certificate authority</source>
        <translation>无法替换证书颁发机构</translation>
    </message>
    <message>
        <source>Making a new certificate authority…</source>
        <translation>正在创建新的证书颁发机构…</translation>
    </message>
    <message>
        <source>New certificate authority made; the old one&apos;s key was destroyed. Let every device trust the new one (remove the old one there).</source>
        <translation>已创建新的证书颁发机构，旧 CA 的密钥已销毁。请让每台设备信任新的 CA（并在设备上删除旧的）。</translation>
    </message>
    <message>
        <source>Choose the certificate (PEM)</source>
        <translation>选择证书（PEM）</translation>
    </message>
    <message>
        <source>Choose its private key (PEM)</source>
        <translation>选择其私钥（PEM）</translation>
    </message>
    <message>
        <source>Checking the certificate and key…</source>
        <translation>正在检查证书和密钥…</translation>
    </message>
    <message>
        <source>Cannot use this certificate</source>
        <translation>无法使用此证书</translation>
    </message>
    <message>
        <source>That passphrase does not open {key}. Try again:</source>
        <translation>该密码短语无法打开 {key}。请重试：</translation>
    </message>
    <message>
        <source>The key {key} is protected by a passphrase. Enter it:</source>
        <translation>密钥 {key} 受密码短语保护。请输入：</translation>
    </message>
    <message>
        <source>Passphrase needed</source>
        <translation>需要密码短语</translation>
    </message>
    <message>
        <source>Cannot switch certificates</source>
        <translation>无法切换证书</translation>
    </message>
    <message>
        <source>Switching to Pier&apos;s own certificate…</source>
        <translation>正在切换到 Pier 自带的证书…</translation>
    </message>
    <message>
        <source>Export the CA certificate</source>
        <translation>导出 CA 证书</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cannot export the CA certificate</source>
        <translation>无法导出 CA 证书</translation>
    </message>
    <message>
        <source>CA certificate saved to {file}.</source>
        <translation>CA 证书已保存到 {file}。</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>私钥 (*.key *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PEM certificate (*.crt *.pem);;DER certificate (*.der *.cer)</source>
        <translation>PEM 证书 (*.crt *.pem);;DER 证书 (*.der *.cer)</translation>
    </message>
    <message>
        <source>Devices that already trust Pier will show a warning again until they trust the new certificate. Continue?</source>
        <translation>已信任 Pier 的设备将再次显示警告，直到它们信任新证书为止。是否继续？</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pier&apos;s certificate authority is not limited to web servers.&lt;/b&gt; An older Pier made it: anyone who got hold of its key could make e-mail (S/MIME) or code-signing certificates that every device trusting it accepts. It cannot be fixed in place; replace it, then let each device trust the new one.</source>
        <translation>&lt;b&gt;Pier 的证书颁发机构不仅限于 Web 服务器。&lt;/b&gt;它由旧版 Pier 创建：任何拿到其密钥的人都可以签发电子邮件（S/MIME）或代码签名证书，而信任它的每台设备都会接受这些证书。这无法就地修复；请替换它，然后让每台设备信任新的 CA。</translation>
    </message>
    <message>
        <source>Pier makes a new certificate authority, limited to web servers on your local network, and destroys the old one&apos;s key.

Every device that trusts the old one must trust the new one again. On each device:
1. Remove the old certificate “{old}”.
2. Install the new one: scan the code in this dialog while sharing with HTTPS, open {url} on the device and follow its steps, or copy the file “Export CA certificate…” saves.
Until then the device warns about Pier&apos;s certificate.

A share running with HTTPS uses the new certificate at once.</source>
        <translation>Pier 会创建一个新的证书颁发机构（仅限于您局域网中的 Web 服务器），并销毁旧 CA 的密钥。

信任旧 CA 的每台设备都必须重新信任新 CA。在每台设备上：
1. 删除旧证书“{old}”。
2. 安装新证书：在以 HTTPS 共享时扫描此对话框中的二维码，在设备上打开 {url} 并按照其中的步骤操作，或复制“导出 CA 证书…”保存的文件。
在此之前，设备会对 Pier 的证书发出警告。

以 HTTPS 运行的共享会立即使用新证书。</translation>
    </message>
    <message>
        <source>Compare with the SHA-256 fingerprint the phone shows for the installed certificate: every pair must match. Never trust a fingerprint a web page shows.</source>
        <translation>与手机为已安装证书显示的 SHA-256 指纹进行比较：每一对字符都必须一致。切勿相信网页上显示的指纹。</translation>
    </message>
    <message>
        <source>&lt;br&gt;This address works on this computer only: choose the local network address in Pier&apos;s window for a phone.</source>
        <translation>&lt;br&gt;此地址只能在本机上使用：请在 Pier 窗口中为手机选择局域网地址。</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Cannot ban</source>
        <translation>无法封禁</translation>
    </message>
    <message>
        <source>Cannot unban</source>
        <translation>无法解除封禁</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>无法断开连接</translation>
    </message>
    <message>
        <source>Cannot cancel the upload</source>
        <translation>无法取消上传</translation>
    </message>
    <message>
        <source>The upload is still receiving a chunk that would not stop; try again in a moment.</source>
        <translation>上传仍在接收一个无法停止的数据块；请稍后再试。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>{seconds} 秒前</translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation>{hours} 小时前</translation>
    </message>
    <message>
        <source>{percent} of {total}</source>
        <translation>{total} 的 {percent}</translation>
    </message>
    <message>
        <source>{percent} · {received} of {total}</source>
        <translation>{percent} · {received} / {total}</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clients&lt;/b&gt; (since the share started)</source>
        <translation>&lt;b&gt;客户端&lt;/b&gt;（自共享开始以来）</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Close this client&apos;s connections now (it may reconnect)</source>
        <translation>立即关闭此客户端的连接（它可能会重新连接）</translation>
    </message>
    <message>
        <source>Ban for this session</source>
        <translation>本次会话内封禁</translation>
    </message>
    <message>
        <source>Refuse this address until Pier quits</source>
        <translation>在 Pier 退出前拒绝此地址</translation>
    </message>
    <message>
        <source>Ban permanently</source>
        <translation>永久封禁</translation>
    </message>
    <message>
        <source>Refuse this address from now on, also after a restart</source>
        <translation>从现在起拒绝此地址，重启后也有效</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transfers now&lt;/b&gt; (large downloads and uploads)</source>
        <translation>&lt;b&gt;当前传输&lt;/b&gt;（大型下载和上传）</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>当前传输</translation>
    </message>
    <message>
        <source>Cancel transfer</source>
        <translation>取消传输</translation>
    </message>
    <message>
        <source>Stop this download or upload now</source>
        <translation>立即停止此下载或上传</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished uploads&lt;/b&gt; (resumable: the sender may go on later)</source>
        <translation>&lt;b&gt;未完成的上传&lt;/b&gt;（可续传：发送方稍后可以继续）</translation>
    </message>
    <message>
        <source>Unfinished uploads</source>
        <translation>未完成的上传</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <source>Remove this unfinished upload and the part received; the sender cannot resume it</source>
        <translation>删除此未完成的上传及已接收的部分；发送方将无法续传</translation>
    </message>
    <message>
        <source>&lt;b&gt;Banned&lt;/b&gt; (refused when they connect)</source>
        <translation>&lt;b&gt;已封禁&lt;/b&gt;（连接时被拒绝）</translation>
    </message>
    <message>
        <source>Banned addresses</source>
        <translation>已封禁的地址</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>解除封禁</translation>
    </message>
    <message>
        <source>Let this address connect again</source>
        <translation>允许此地址重新连接</translation>
    </message>
    <message>
        <source>Address or network, e.g. 192.168.1.50 or 10.0.0.0/8</source>
        <translation>地址或网络，例如 192.168.1.50 或 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Address or network to ban</source>
        <translation>要封禁的地址或网络</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>封禁</translation>
    </message>
    <message>
        <source>Ban the typed address or network for this session</source>
        <translation>在本次会话中封禁输入的地址或网络</translation>
    </message>
    <message>
        <source>Pier quits</source>
        <translation>Pier 退出时</translation>
    </message>
    <message>
        <source>{count} at {speed}</source>
        <translation>{count} 个，{speed}</translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Devices are connected</source>
        <translation>有设备已连接</translation>
    </message>
    <message>
        <source>Pier can keep sharing in the background, with its icon in the system tray, or stop sharing and quit.</source>
        <translation>Pier 可以在后台继续共享（图标显示在系统托盘中），也可以停止共享并退出。</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Pier cannot keep sharing without its window. Keep the window open, or stop sharing and quit.</source>
        <translation>此桌面没有系统托盘，因此 Pier 无法在没有窗口的情况下继续共享。请保持窗口打开，或停止共享并退出。</translation>
    </message>
    <message>
        <source>{activity}. Stopping now ends their downloads and uploads.

{choice}</source>
        <translation>{activity}。现在停止会中断它们的下载和上传。

{choice}</translation>
    </message>
    <message>
        <source>Quit while sharing?</source>
        <translation>要在共享时退出吗？</translation>
    </message>
    <message>
        <source>Pier is still sharing</source>
        <translation>Pier 仍在共享</translation>
    </message>
    <message>
        <source>Pier keeps serving in the background. Use the tray icon to show the window, stop sharing or quit.</source>
        <translation>Pier 会在后台继续提供服务。使用托盘图标可以显示窗口、停止共享或退出。</translation>
    </message>
</context>
<context>
    <name>CollectOptions</name>
    <message>
        <source>Collect files</source>
        <translation>收集文件</translation>
    </message>
    <message>
        <source>Visitors hand in files by name: each person&apos;s files go to their own folder inside this one, which the share never shows. The Collect tab lists who handed in.</source>
        <translation>访客按姓名提交文件：每个人的文件会放入此文件夹中各自的子文件夹，共享永远不会显示该文件夹。“收集”标签页会列出谁已提交。</translation>
    </message>
    <message>
        <source>Collect into folder</source>
        <translation>收集到文件夹</translation>
    </message>
    <message>
        <source>The folder inside the share that hand-ins go to</source>
        <translation>共享中用于存放提交文件的文件夹</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Hand-ins close at a time</source>
        <translation>在指定时间停止提交</translation>
    </message>
    <message>
        <source>After this time hand-ins are refused</source>
        <translation>此时间之后将拒绝提交</translation>
    </message>
    <message>
        <source>Hand-ins close at</source>
        <translation>提交截止时间</translation>
    </message>
</context>
<context>
    <name>CollectService</name>
    <message>
        <source>Could not read {file}: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>{file} is larger than 1 MB: not a list of names.</source>
        <translation>{file} 大于 1 MB：不是名单文件。</translation>
    </message>
    <message>
        <source>open, no deadline</source>
        <translation>开放，无截止时间</translation>
    </message>
    <message>
        <source>closed at {time}</source>
        <translation>已于 {time} 截止</translation>
    </message>
    <message>
        <source>closes in {days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时后截止</translation>
    </message>
    <message>
        <source>closes in {hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟后截止</translation>
    </message>
    <message>
        <source>closes in {minutes} min</source>
        <translation>{minutes} 分钟后截止</translation>
    </message>
    <message>
        <source>Collecting files into {folder} (no deadline)</source>
        <translation>正在将文件收集到 {folder}（无截止时间）</translation>
    </message>
    <message>
        <source>Collecting files into {folder} until {time}</source>
        <translation>正在将文件收集到 {folder}，截止到 {time}</translation>
    </message>
    <message>
        <source>The hand-in deadline has already passed: choose a later one, or turn the deadline off.</source>
        <translation>提交截止时间已过：请选择更晚的时间，或关闭截止时间。</translation>
    </message>
</context>
<context>
    <name>CollectView</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Show the hand-ins folder in the file manager</source>
        <translation>在文件管理器中显示提交文件夹</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the checklist as a CSV file</source>
        <translation>将核对清单保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>核对清单</translation>
    </message>
    <message>
        <source>Handed in, not on the roster:</source>
        <translation>已提交但不在名单中：</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>不在名单中</translation>
    </message>
    <message>
        <source>Expected (roster):</source>
        <translation>应提交（名单）：</translation>
    </message>
    <message>
        <source>Roster, one name a line</source>
        <translation>名单，每行一个姓名</translation>
    </message>
    <message>
        <source>One name a line, e.g.
Ana García
Bo Li</source>
        <translation>每行一个姓名，例如：
Ana García
Bo Li</translation>
    </message>
    <message>
        <source>Load roster…</source>
        <translation>加载名单…</translation>
    </message>
    <message>
        <source>Read the names from a text file, one a line</source>
        <translation>从文本文件读取姓名，每行一个</translation>
    </message>
    <message>
        <source>{count} of {total} handed in</source>
        <translation>已提交 {count}/{total}</translation>
    </message>
    <message>
        <source>Add the expected names on the right</source>
        <translation>在右侧添加应提交的姓名</translation>
    </message>
    <message>
        <source>Not collecting: start sharing with “Collect files” on</source>
        <translation>未在收集：请开启“收集文件”后开始共享</translation>
    </message>
    <message>
        <source>{status} (not sharing)</source>
        <translation>{status}（未共享）</translation>
    </message>
    <message>
        <source>Load a roster</source>
        <translation>加载名单</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot load the roster</source>
        <translation>无法加载名单</translation>
    </message>
    <message>
        <source>Export the checklist</source>
        <translation>导出核对清单</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the checklist</source>
        <translation>无法导出核对清单</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>尚无</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后活动</translation>
    </message>
    <message>
        <source>Transfers now</source>
        <translation>当前传输</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Banned address or network</source>
        <translation>已封禁的地址或网络</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最后活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Last file</source>
        <translation>最后一个文件</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载次数</translation>
    </message>
    <message>
        <source>Last used by</source>
        <translation>最后使用者</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>用户代理</translation>
    </message>
    <message>
        <source>Select all: {table}</source>
        <translation>全选：{table}</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最后登录</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Locked for</source>
        <translation>锁定时长</translation>
    </message>
</context>
<context>
    <name>ConnectDrive</name>
    <message>
        <source>This share: port {port}</source>
        <translation>此共享：端口 {port}</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>普通 HTTP（未加密）</translation>
    </message>
    <message>
        <source>login required, visitors may look</source>
        <translation>需要登录，访客可以浏览</translation>
    </message>
    <message>
        <source>login required</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>no login</source>
        <translation>无需登录</translation>
    </message>
    <message>
        <source>Pier&apos;s share is also a WebDAV server: your file manager can open it like a disk, with drag and drop, within the rights the share and the account give. Pick your system and copy an address.</source>
        <translation>Pier 的共享也是一个 WebDAV 服务器：您的文件管理器可以像磁盘一样打开它，支持拖放，权限以共享和帐户所授予的为限。请选择您的系统并复制地址。</translation>
    </message>
    <message>
        <source>Start sharing to see the addresses.</source>
        <translation>开始共享后即可看到地址。</translation>
    </message>
    <message>
        <source>Connect as a &amp;drive…</source>
        <translation>连接为网络驱动器(&amp;D)…</translation>
    </message>
    <message>
        <source>How to open this share as a network drive</source>
        <translation>如何将此共享作为网络驱动器打开</translation>
    </message>
</context>
<context>
    <name>ConnectDriveDialog</name>
    <message>
        <source>Connect as a drive — Pier</source>
        <translation>连接为网络驱动器 — Pier</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Address using {host}</source>
        <translation>使用 {host} 的地址</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the address using {host}</source>
        <translation>复制使用 {host} 的地址</translation>
    </message>
    <message>
        <source>Copy {address}</source>
        <translation>复制 {address}</translation>
    </message>
    <message>
        <source>Only this computer can use this address</source>
        <translation>只有这台电脑能使用此地址</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>仅限本机</translation>
    </message>
    <message>
        <source>Copied: {text}</source>
        <translation>已复制：{text}</translation>
    </message>
</context>
<context>
    <name>ConnectionDoctor</name>
    <message>
        <source>&amp;Phone can&apos;t connect?…</source>
        <translation>手机连不上？(&amp;P)…</translation>
    </message>
    <message>
        <source>Find out why a phone or another computer cannot open the share</source>
        <translation>找出手机或其他电脑无法打开共享的原因</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{port} is not a port number. Choose a port from 1 to {max}, or “Any free port”.</source>
        <translation>{port} 不是有效的端口号。请选择 1 到 {max} 之间的端口，或选择“任意空闲端口”。</translation>
    </message>
    <message>
        <source>Choose a folder to share first.</source>
        <translation>请先选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>“Require login” is on, but there are no accounts yet, so nobody could log in.</source>
        <translation>已开启“要求登录”，但还没有任何帐户，因此没有人能登录。</translation>
    </message>
    <message>
        <source>Port {wanted}, used last time, is taken now, so Pier picked port {port}. Bookmarks and printed QR codes of the old address will not work.</source>
        <translation>上次使用的端口 {wanted} 现已被占用，因此 Pier 选择了端口 {port}。旧地址的书签和打印的二维码将无法使用。</translation>
    </message>
</context>
<context>
    <name>DesktopActions</name>
    <message>
        <source>Add to applications &amp;menu</source>
        <translation>添加到应用程序菜单(&amp;M)</translation>
    </message>
    <message>
        <source>Remove from applications &amp;menu</source>
        <translation>从应用程序菜单移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Start Pier when I log in</source>
        <translation>登录时启动 Pier(&amp;S)</translation>
    </message>
    <message>
        <source>Start Pier in the background when you log in</source>
        <translation>登录时在后台启动 Pier</translation>
    </message>
    <message>
        <source>Start &amp;hidden in the tray and share the last folder</source>
        <translation>隐藏在托盘中启动并共享上次的文件夹(&amp;H)</translation>
    </message>
    <message>
        <source>At login, Pier starts with its window hidden in the tray, sharing the folder shared last</source>
        <translation>登录时，Pier 启动后窗口隐藏在托盘中，并共享上次共享的文件夹</translation>
    </message>
    <message>
        <source>Could not change starting at login</source>
        <translation>无法更改登录时启动的设置</translation>
    </message>
    <message>
        <source>Pier could not change {place}: {problem}</source>
        <translation>Pier 无法更改 {place}：{problem}</translation>
    </message>
    <message>
        <source>Removed from the applications menu</source>
        <translation>已从应用程序菜单移除</translation>
    </message>
    <message>
        <source>Pier&apos;s entry was removed ({entry}).</source>
        <translation>Pier 的菜单项已移除（{entry}）。</translation>
    </message>
    <message>
        <source>Added to the applications menu</source>
        <translation>已添加到应用程序菜单</translation>
    </message>
    <message>
        <source>Pier is in your applications menu now (under Internet or Network; some desktops show it after a moment).

The entry is {entry}.</source>
        <translation>Pier 现在已在您的应用程序菜单中（位于“互联网”或“网络”下；某些桌面需要稍等片刻才会显示）。

菜单项文件是 {entry}。</translation>
    </message>
    <message>
        <source>Could not change the applications menu</source>
        <translation>无法更改应用程序菜单</translation>
    </message>
    <message>
        <source>Pier could not write its entry under {folder}: {problem}</source>
        <translation>Pier 无法在 {folder} 下写入其菜单项：{problem}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Choose the folder to share</source>
        <translation>选择要共享的文件夹</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>导出可见的请求</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>选择共享中的文件夹</translation>
    </message>
    <message>
        <source>Keep sharing in the background</source>
        <translation>在后台继续共享</translation>
    </message>
    <message>
        <source>Stop sharing and quit</source>
        <translation>停止共享并退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation>保持窗口打开</translation>
    </message>
</context>
<context>
    <name>DirectoryService</name>
    <message>
        <source>{name} is a Pier account, which wins over the directory: the directory is not asked for this name.</source>
        <translation>{name} 是 Pier 帐户，优先于目录：不会向目录查询此名称。</translation>
    </message>
    <message>
        <source>The directory cannot be asked: {error}.</source>
        <translation>无法查询目录：{error}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{name} cannot log in: {reason} (groups: {groups}).</source>
        <translation>{name} 无法登录：{reason}（组：{groups}）。</translation>
    </message>
    <message>
        <source>{name} may log in: {rights} (groups: {groups}).</source>
        <translation>{name} 可以登录：{rights}（组：{groups}）。</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>{rights} in {folders}</source>
        <translation>{rights}，限于 {folders}</translation>
    </message>
    <message>
        <source>{rights} in the whole share</source>
        <translation>{rights}，整个共享</translation>
    </message>
    <message>
        <source>Cannot read the CA file {path}: {error}.</source>
        <translation>无法读取 CA 文件 {path}：{error}。</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory users log in with Basic only: Digest needs a password hash that Pier cannot have for them. While any Pier account has Digest turned on, browsers choose Digest and directory users cannot log in from them. Share over HTTPS: Basic sends the password with every request.</source>
        <translation>目录用户只能通过 Basic 登录：Digest 需要密码哈希，而 Pier 无法获得这些用户的密码哈希。只要有任何 Pier 帐户开启了 Digest，浏览器就会选择 Digest，目录用户便无法从这些浏览器登录。请通过 HTTPS 共享：Basic 会在每个请求中发送密码。</translation>
    </message>
    <message>
        <source>One group (its cn) per line: GROUP=read, upload, modify or admin, and :/FOLDER to limit it to a folder. In several groups, the highest level wins (with its folders); in none, the login is refused. A Pier account of the same name wins.</source>
        <translation>每行一个组（其 cn）：组=read、upload、modify 或 admin，加上 :/文件夹 可将其限制在某个文件夹中。属于多个组时，级别最高者生效（连同其文件夹）；不属于任何组时，拒绝登录。同名的 Pier 帐户优先。</translation>
    </message>
    <message>
        <source>GROUP=read|upload|modify|admin[:/FOLDER], one per line; the highest level wins.</source>
        <translation>组=read|upload|modify|admin[:/文件夹]，每行一个；级别最高者生效。</translation>
    </message>
    <message>
        <source>Directory logins are off.</source>
        <translation>目录登录已关闭。</translation>
    </message>
    <message>
        <source>Directory logins are on. Shares started from now on use these settings.</source>
        <translation>目录登录已开启。从现在起启动的共享将使用这些设置。</translation>
    </message>
    <message>
        <source>The directory&apos;s CA certificate</source>
        <translation>目录的 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Directory result</source>
        <translation>目录测试结果</translation>
    </message>
    <message>
        <source>Directory address</source>
        <translation>目录地址</translation>
    </message>
    <message>
        <source>Use StartTLS (with an ldap:// address)</source>
        <translation>使用 StartTLS（用于 ldap:// 地址）</translation>
    </message>
    <message>
        <source>Use StartTLS</source>
        <translation>使用 StartTLS</translation>
    </message>
    <message>
        <source>Base DN</source>
        <translation>基准 DN</translation>
    </message>
    <message>
        <source>empty: search anonymously</source>
        <translation>留空：匿名搜索</translation>
    </message>
    <message>
        <source>Bind DN</source>
        <translation>绑定 DN</translation>
    </message>
    <message>
        <source>the bind DN&apos;s password</source>
        <translation>绑定 DN 的密码</translation>
    </message>
    <message>
        <source>Bind password</source>
        <translation>绑定密码</translation>
    </message>
    <message>
        <source>User filter</source>
        <translation>用户过滤器</translation>
    </message>
    <message>
        <source>Active Directory: {filter}</source>
        <translation>Active Directory：{filter}</translation>
    </message>
    <message>
        <source>Group filter</source>
        <translation>组过滤器</translation>
    </message>
    <message>
        <source>Active Directory: memberOf (the user&apos;s attribute)</source>
        <translation>Active Directory：memberOf（用户的属性）</translation>
    </message>
    <message>
        <source>Group map</source>
        <translation>组映射</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs</source>
        <translation>系统信任的 CA</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the directory&apos;s CA file</source>
        <translation>选择目录的 CA 文件</translation>
    </message>
    <message>
        <source>Forget the saved CA</source>
        <translation>忘记已保存的 CA</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Base DN:</source>
        <translation>基准 DN：</translation>
    </message>
    <message>
        <source>Bind DN:</source>
        <translation>绑定 DN：</translation>
    </message>
    <message>
        <source>Bind password:</source>
        <translation>绑定密码：</translation>
    </message>
    <message>
        <source>User filter:</source>
        <translation>用户过滤器：</translation>
    </message>
    <message>
        <source>Group filter:</source>
        <translation>组过滤器：</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>组：</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the directory settings</source>
        <translation>保存目录设置</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Turn directory logins off</source>
        <translation>关闭目录登录</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>User name to test</source>
        <translation>要测试的用户名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password to test</source>
        <translation>要测试的密码</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Test a directory login</source>
        <translation>测试目录登录</translation>
    </message>
    <message>
        <source>Test a login:</source>
        <translation>测试登录：</translation>
    </message>
    <message>
        <source>The saved settings cannot be used: {error}</source>
        <translation>无法使用已保存的设置：{error}</translation>
    </message>
    <message>
        <source>Saved. Stop and start the share to use them now.</source>
        <translation>已保存。停止并重新开始共享即可立即使用。</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Directory logins turned off for shares started from now on.</source>
        <translation>已为从现在起启动的共享关闭目录登录。</translation>
    </message>
    <message>
        <source>Not turned off: {error}</source>
        <translation>未关闭：{error}</translation>
    </message>
    <message>
        <source>Type a user name and a password to test.</source>
        <translation>请输入要测试的用户名和密码。</translation>
    </message>
    <message>
        <source>These settings cannot be used: {error}</source>
        <translation>无法使用这些设置：{error}</translation>
    </message>
    <message>
        <source>saved (type to change)</source>
        <translation>已保存（输入以更改）</translation>
    </message>
    <message>
        <source>the saved CA (choose a file to replace it)</source>
        <translation>已保存的 CA（选择文件以替换）</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Same network: the phone must be on the same Wi-Fi as this computer (or on a Wi-Fi of the same router), not on a neighbour&apos;s or a hotspot.</source>
        <translation>同一网络：手机必须连接到与本机相同的 Wi-Fi（或同一路由器的其他 Wi-Fi），而不是邻居的 Wi-Fi 或热点。</translation>
    </message>
    <message>
        <source>Guest Wi-Fi: guest networks, hotel, school and office Wi-Fi often keep devices apart (“client isolation”, “AP isolation”): each device reaches the internet but not the others. Use the main network, or turn isolation off in the router&apos;s Wi-Fi settings.</source>
        <translation>访客 Wi-Fi：访客网络以及酒店、学校和办公室的 Wi-Fi 常常会将设备彼此隔离（“客户端隔离”、“AP 隔离”）：每台设备都能上网，但无法访问其他设备。请使用主网络，或在路由器的 Wi-Fi 设置中关闭隔离。</translation>
    </message>
    <message>
        <source>Mobile data: turn it off on the phone for the test; some phones send requests over mobile data when they think the Wi-Fi has no internet.</source>
        <translation>移动数据：测试时请在手机上关闭移动数据；有些手机认为 Wi-Fi 无法上网时，会通过移动数据发送请求。</translation>
    </message>
    <message>
        <source>VPN: a VPN on the phone or on this computer can route the address elsewhere; pause it.</source>
        <translation>VPN：手机或本机上的 VPN 可能会把该地址路由到别处；请暂停它。</translation>
    </message>
    <message>
        <source>The address: type it exactly as shown, with http:// or https:// as shown and the port after the colon.</source>
        <translation>地址：请完全按照显示的内容输入，包括显示的 http:// 或 https:// 以及冒号后的端口。</translation>
    </message>
    <message>
        <source>VPN ({interface}): a phone cannot use it</source>
        <translation>VPN（{interface}）：手机无法使用</translation>
    </message>
    <message>
        <source>containers ({interface}): a phone cannot use it</source>
        <translation>容器（{interface}）：手机无法使用</translation>
    </message>
    <message>
        <source>virtual machine ({interface}): a phone cannot use it</source>
        <translation>虚拟机（{interface}）：手机无法使用</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>仅限本机</translation>
    </message>
    <message>
        <source>network {interface}</source>
        <translation>网络 {interface}</translation>
    </message>
    <message>
        <source>name of this computer</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <source>The share is for this computer only</source>
        <translation>共享仅限本机访问</translation>
    </message>
    <message>
        <source>It listens on this computer&apos;s own address (127.0.0.1), which no phone can reach. Let the devices on your network in: the share restarts on the local network.</source>
        <translation>它监听的是本机自己的地址（127.0.0.1），任何手机都无法访问。请允许您网络中的设备访问：共享会在局域网上重新开始。</translation>
    </message>
    <message>
        <source>The share is open to the local network</source>
        <translation>共享已向局域网开放</translation>
    </message>
    <message>
        <source>It listens on every network of this computer.</source>
        <translation>它在本机的所有网络上监听。</translation>
    </message>
    <message>
        <source>No address for a phone yet</source>
        <translation>还没有可供手机使用的地址</translation>
    </message>
    <message>
        <source>Once devices on the network are let in, their addresses show here.</source>
        <translation>允许网络中的设备访问后，它们可用的地址会显示在这里。</translation>
    </message>
    <message>
        <source>Not these, which lead to a VPN, containers or a virtual machine: {addresses}.</source>
        <translation>不要使用这些地址，它们通向 VPN、容器或虚拟机：{addresses}。</translation>
    </message>
    <message>
        <source>No address on an ordinary network</source>
        <translation>普通网络上没有地址</translation>
    </message>
    <message>
        <source>This computer seems connected to no Wi-Fi or wired network, only to virtual ones.</source>
        <translation>本机似乎没有连接到任何 Wi-Fi 或有线网络，只连接了虚拟网络。</translation>
    </message>
    <message>
        <source>Open {address} on the phone</source>
        <translation>在手机上打开 {address}</translation>
    </message>
    <message>
        <source>Use an address of the network the phone is on.</source>
        <translation>请使用手机所在网络的地址。</translation>
    </message>
    <message>
        <source>No firewall found</source>
        <translation>未发现防火墙</translation>
    </message>
    <message>
        <source>Neither firewalld nor ufw is running.</source>
        <translation>firewalld 和 ufw 都没有运行。</translation>
    </message>
    <message>
        <source>The firewall ({tool}) is on and may block port {port}</source>
        <translation>防火墙（{tool}）已开启，可能会阻止端口 {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) blocks port {port}</source>
        <translation>防火墙（{tool}）阻止了端口 {port}</translation>
    </message>
    <message>
        <source>The firewall ({tool}) lets port {port} in</source>
        <translation>防火墙（{tool}）允许端口 {port} 的连接</translation>
    </message>
    <message>
        <source>No active firewall found</source>
        <translation>未发现启用的防火墙</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether a firewall blocks the port</source>
        <translation>Pier 无法判断是否有防火墙阻止了该端口</translation>
    </message>
    <message>
        <source>Windows Defender Firewall may block the port</source>
        <translation>Windows Defender 防火墙可能会阻止该端口</translation>
    </message>
    <message>
        <source>When Windows asked whether to let Pier (or Python) talk on networks, “Private networks” must be allowed, and the Wi-Fi must be set to Private. Or let the port in from an administrator&apos;s command prompt:</source>
        <translation>当 Windows 询问是否允许 Pier（或 Python）在网络上通信时，必须允许“专用网络”，并且 Wi-Fi 必须设为“专用”。或者在管理员命令提示符中放行该端口：</translation>
    </message>
    <message>
        <source>In System Settings → Network → Firewall → Options, set Pier (or Python) to “Allow incoming connections”.</source>
        <translation>在“系统设置”→“网络”→“防火墙”→“选项”中，将 Pier（或 Python）设为“允许传入连接”。</translation>
    </message>
    <message>
        <source>The macOS firewall is off</source>
        <translation>macOS 防火墙已关闭</translation>
    </message>
    <message>
        <source>It blocks nothing.</source>
        <translation>它不会阻止任何连接。</translation>
    </message>
    <message>
        <source>The macOS firewall is on</source>
        <translation>macOS 防火墙已开启</translation>
    </message>
    <message>
        <source>Pier can&apos;t tell whether the macOS firewall is on</source>
        <translation>Pier 无法判断 macOS 防火墙是否开启</translation>
    </message>
    <message>
        <source>firewalld is not fully running (state {state}).</source>
        <translation>firewalld 没有完全运行（状态 {state}）。</translation>
    </message>
    <message>
        <source>firewalld is running, but Pier could not read its zones: {problem}</source>
        <translation>firewalld 正在运行，但 Pier 无法读取其区域：{problem}</translation>
    </message>
    <message>
        <source>firewalld is running and zone {zones} lets port {port}/tcp in.</source>
        <translation>firewalld 正在运行，区域 {zones} 允许端口 {port}/tcp 的连接。</translation>
    </message>
    <message>
        <source>firewalld is running and port {port}/tcp is not open in zone “{zone}”, the zone of the network phones use: it blocks them (unless a service opened for that zone happens to use the same port).</source>
        <translation>firewalld 正在运行，端口 {port}/tcp 在区域“{zone}”中未开放，而这是手机所用网络的区域：它会阻止手机（除非恰好有为该区域开放的服务使用同一端口）。</translation>
    </message>
    <message>
        <source>Pier found neither firewalld nor ufw, and the kernel&apos;s own rules (nftables, iptables) are readable only by root, so it cannot tell whether a firewall blocks the port.</source>
        <translation>Pier 既没有找到 firewalld 也没有找到 ufw，而内核自身的规则（nftables、iptables）只有 root 才能读取，因此无法判断是否有防火墙阻止了该端口。</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic, but lets some addresses in on every port: Pier cannot tell whether the phone is one of them. To let port {port}/tcp in for everyone:</source>
        <translation>{tool} 会丢弃传入流量，但允许某些地址访问所有端口：Pier 无法判断手机是否属于其中。要为所有人放行端口 {port}/tcp：</translation>
    </message>
    <message>
        <source>{tool} has no rule that drops incoming traffic.</source>
        <translation>{tool} 没有丢弃传入流量的规则。</translation>
    </message>
    <message>
        <source>{tool} has a rule that lets port {port}/tcp in.</source>
        <translation>{tool} 有一条允许端口 {port}/tcp 的规则。</translation>
    </message>
    <message>
        <source>{tool} drops incoming traffic and no rule lets port {port}/tcp in: phones and other computers are blocked.</source>
        <translation>{tool} 会丢弃传入流量，且没有规则允许端口 {port}/tcp：手机和其他电脑都被阻止了。</translation>
    </message>
    <message>
        <source>ufw is installed but not enabled.</source>
        <translation>ufw 已安装，但未启用。</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from ufw status).</source>
        <translation>ufw 已开启，并允许端口 {port}/tcp 的连接（读取自 ufw status）。</translation>
    </message>
    <message>
        <source>ufw is on and lets port {port}/tcp in (read from its rules).</source>
        <translation>ufw 已开启，并允许端口 {port}/tcp 的连接（读取自其规则）。</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from ufw status): it blocks phones and other computers.</source>
        <translation>ufw 已开启，且没有规则允许端口 {port}/tcp（读取自 ufw status）：它会阻止手机和其他电脑。</translation>
    </message>
    <message>
        <source>ufw is on and no rule lets port {port}/tcp in (read from its rules): it blocks phones and other computers.</source>
        <translation>ufw 已开启，且没有规则允许端口 {port}/tcp（读取自其规则）：它会阻止手机和其他电脑。</translation>
    </message>
    <message>
        <source>ufw is enabled, but its rules are readable only by root, so Pier cannot tell whether port {port}/tcp is let in.</source>
        <translation>ufw 已启用，但其规则只有 root 才能读取，因此 Pier 无法判断端口 {port}/tcp 是否被放行。</translation>
    </message>
    <message>
        <source>Type the network&apos;s name (SSID).</source>
        <translation>请输入网络名称（SSID）。</translation>
    </message>
    <message>
        <source>A network name has at most 32 bytes.</source>
        <translation>网络名称最多 32 个字节。</translation>
    </message>
    <message>
        <source>Unknown security {security}.</source>
        <translation>未知的安全类型 {security}。</translation>
    </message>
    <message>
        <source>Type the network&apos;s password.</source>
        <translation>请输入网络密码。</translation>
    </message>
    <message>
        <source>A WPA password has 8 to 63 characters.</source>
        <translation>WPA 密码长度为 8 到 63 个字符。</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Phone can&apos;t connect? — Pier</source>
        <translation>手机连不上？— Pier</translation>
    </message>
    <message>
        <source>Start sharing first: then open this again to test the connection from your phone.</source>
        <translation>请先开始共享：然后再次打开此窗口，从手机测试连接。</translation>
    </message>
    <message>
        <source>Test it now</source>
        <translation>立即测试</translation>
    </message>
    <message>
        <source>Open this address on the phone now (or scan the code). Pier watches for a minute for a request from another device.</source>
        <translation>现在在手机上打开此地址（或扫描二维码）。Pier 会在一分钟内等待来自其他设备的请求。</translation>
    </message>
    <message>
        <source>QR code of the address to open</source>
        <translation>要打开的地址的二维码</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>再次监测</translation>
    </message>
    <message>
        <source>Watch for a request from the phone for another minute</source>
        <translation>再监测一分钟，看是否有来自手机的请求</translation>
    </message>
    <message>
        <source>If the phone cannot open it:</source>
        <translation>如果手机无法打开它：</translation>
    </message>
    <message>
        <source>What Pier found on this computer</source>
        <translation>Pier 在本机上发现的情况</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>The checks failed; see Pier&apos;s log.</source>
        <translation>检查失败；请查看 Pier 的日志。</translation>
    </message>
    <message>
        <source>There is no address a phone could open yet.</source>
        <translation>还没有手机可以打开的地址。</translation>
    </message>
    <message>
        <source>Let devices on my network in</source>
        <translation>允许我网络中的设备访问</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Command to type</source>
        <translation>要输入的命令</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>复制该命令</translation>
    </message>
    <message>
        <source>✔ A request arrived from another device ({client}): the phone reaches Pier. If the page still does not show, it may be waiting for a password or the certificate.</source>
        <translation>✔ 收到了来自其他设备（{client}）的请求：手机能访问 Pier。如果页面仍未显示，它可能在等待输入密码或信任证书。</translation>
    </message>
    <message>
        <source>✖ No request from another device arrived in the last minute. The phone did not reach Pier.</source>
        <translation>✖ 在过去一分钟内没有收到来自其他设备的请求。手机没有访问到 Pier。</translation>
    </message>
    <message>
        <source>Waiting for a request from another device… {seconds} s left</source>
        <translation>正在等待来自其他设备的请求… 剩余 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>DriveAddresses</name>
    <message>
        <source>Pier&apos;s certificate authority is saved by Certificate… &gt; Export CA certificate…, or downloaded from /.well-known/pier/ca.crt on the share.</source>
        <translation>Pier 的证书颁发机构可通过“证书…”&gt;“导出 CA 证书…”保存，或从共享上的 /.well-known/pier/ca.crt 下载。</translation>
    </message>
    <message>
        <source>Windows refuses files over 50 MB by default: raise FileSizeLimitInBytes under HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters (at most 4294967295) and restart the WebClient service.</source>
        <translation>Windows 默认拒绝超过 50 MB 的文件：请在 HKLM\SYSTEM\CurrentControlSet\Services\WebClient\Parameters 下调大 FileSizeLimitInBytes（最大 4294967295），然后重新启动 WebClient 服务。</translation>
    </message>
    <message>
        <source>Windows checks the certificate: first add Pier&apos;s certificate authority to “Trusted Root Certification Authorities” of the Local Computer (double-click the file, Install Certificate…).</source>
        <translation>Windows 会检查证书：请先将 Pier 的证书颁发机构添加到本地计算机的“受信任的根证书颁发机构”（双击该文件，选择“安装证书…”）。</translation>
    </message>
    <message>
        <source>IPv6 addresses are not offered for Windows: use an IPv4 address or the computer&apos;s name.</source>
        <translation>不为 Windows 提供 IPv6 地址：请使用 IPv4 地址或计算机名称。</translation>
    </message>
    <message>
        <source>The WebClient service does the work; it starts by itself unless it was turned off (services.msc).</source>
        <translation>由 WebClient 服务完成这项工作；除非被禁用（services.msc），它会自动启动。</translation>
    </message>
    <message>
        <source>the web address</source>
        <translation>网页地址</translation>
    </message>
    <message>
        <source>Paste the address into File Explorer&apos;s address bar, or choose This PC &gt; Map network drive and use it as the Folder ({web} works there too).</source>
        <translation>将地址粘贴到文件资源管理器的地址栏中，或选择“此电脑”&gt;“映射网络驱动器”并将其用作“文件夹”（{web} 也可以）。</translation>
    </message>
    <message>
        <source>Windows asks for the account&apos;s name and password (sent with Basic, encrypted by HTTPS).</source>
        <translation>Windows 会询问帐户的名称和密码（通过 Basic 发送，由 HTTPS 加密）。</translation>
    </message>
    <message>
        <source> Visitors without an account can still look.</source>
        <translation>没有帐户的访客仍可浏览。</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic; it logs in with Digest (MD5), which only accounts with “Also MD5, for old clients” (Users… &gt; Advanced) can use. HTTPS avoids this.</source>
        <translation>通过普通 HTTP 时，Windows 不会用 Basic 发送密码；它使用 Digest（MD5）登录，而只有开启了“同时支持 MD5（用于旧客户端）”的帐户（用户… &gt; 高级）才能使用。使用 HTTPS 可避免此问题。</translation>
    </message>
    <message>
        <source>Over plain HTTP Windows will not send a password with Basic, and no account has Digest with MD5, the Digest Windows speaks: turn HTTPS on, or allow Digest with MD5 for the account (Users… &gt; Advanced, then set its password again).</source>
        <translation>通过普通 HTTP 时，Windows 不会用 Basic 发送密码，而且没有帐户启用 MD5 Digest（Windows 使用的 Digest）：请开启 HTTPS，或为该帐户允许 MD5 Digest（用户… &gt; 高级，然后重新设置其密码）。</translation>
    </message>
    <message>
        <source>First trust Pier&apos;s certificate authority: open the file, add it to the System keychain and set it to “Always Trust” in Keychain Access.</source>
        <translation>首先信任 Pier 的证书颁发机构：打开该文件，将其添加到“系统”钥匙串，并在“钥匙串访问”中将其设为“始终信任”。</translation>
    </message>
    <message>
        <source>Choose “Registered User” and type the account&apos;s name and password.</source>
        <translation>选择“注册用户”，然后输入帐户的名称和密码。</translation>
    </message>
    <message>
        <source>In Finder choose Go &gt; Connect to Server… (⌘K), type the address and click Connect.</source>
        <translation>在“访达”中选择“前往”&gt;“连接服务器…”（⌘K），输入地址并点击“连接”。</translation>
    </message>
    <message>
        <source>Files asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority; compare its fingerprint with the one Pier&apos;s Certificate… window shows.</source>
        <translation>除非系统信任 Pier 的证书颁发机构，否则“文件”会询问是否信任 Pier 的证书；请将其指纹与 Pier 的“证书…”窗口中显示的指纹进行比较。</translation>
    </message>
    <message>
        <source>Files asks for the account&apos;s name and password.</source>
        <translation>“文件”会询问帐户的名称和密码。</translation>
    </message>
    <message>
        <source>From a terminal: gio mount followed by the address.</source>
        <translation>在终端中：gio mount 后跟地址。</translation>
    </message>
    <message>
        <source>GNOME Files</source>
        <translation>GNOME 文件</translation>
    </message>
    <message>
        <source>In Files choose Other Locations, type the address in “Connect to Server” at the bottom and click Connect.</source>
        <translation>在“文件”中选择“其他位置”，在底部的“连接到服务器”中输入地址，然后点击“连接”。</translation>
    </message>
    <message>
        <source>Dolphin asks whether to trust Pier&apos;s certificate unless the system trusts Pier&apos;s certificate authority.</source>
        <translation>除非系统信任 Pier 的证书颁发机构，否则 Dolphin 会询问是否信任 Pier 的证书。</translation>
    </message>
    <message>
        <source>Dolphin asks for the account&apos;s name and password.</source>
        <translation>Dolphin 会询问帐户的名称和密码。</translation>
    </message>
    <message>
        <source>KDE Dolphin</source>
        <translation>KDE Dolphin</translation>
    </message>
    <message>
        <source>In Dolphin press Ctrl+L, type the address and press Enter (Network &gt; Add Network Folder keeps it).</source>
        <translation>在 Dolphin 中按 Ctrl+L，输入地址并按回车键（“网络”&gt;“添加网络文件夹”可保留它）。</translation>
    </message>
    <message>
        <source>Put the account&apos;s name for {account}, then store its password with “rclone config password {remote} pass PASSWORD” (rclone keeps it obscured).</source>
        <translation>将 {account} 替换为帐户名称，然后用“rclone config password {remote} pass PASSWORD”保存其密码（rclone 会混淆保存）。</translation>
    </message>
    <message>
        <source>Add --ca-cert {file} (Pier&apos;s certificate authority, PEM) to every rclone command.</source>
        <translation>在每条 rclone 命令中添加 --ca-cert {file}（Pier 的证书颁发机构，PEM 格式）。</translation>
    </message>
    <message>
        <source>Then: rclone ls {remote}:, rclone copy {remote}:FOLDER ., or rclone mount {remote}: ~/Pier.</source>
        <translation>然后：rclone ls {remote}:、rclone copy {remote}:FOLDER . 或 rclone mount {remote}: ~/Pier。</translation>
    </message>
    <message>
        <source>Run this once to make the remote “{remote}”:</source>
        <translation>运行一次以下命令来创建远程“{remote}”：</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: type the account&apos;s.</source>
        <translation>davfs2 会询问用户名和密码：请输入帐户的用户名和密码。</translation>
    </message>
    <message>
        <source>davfs2 asks for a user name and password: press Enter at both.</source>
        <translation>davfs2 会询问用户名和密码：两次都直接按回车键。</translation>
    </message>
    <message>
        <source>Trust Pier&apos;s certificate authority (PEM): add “trust_ca_cert /path/to/{file}” to /etc/davfs2/davfs2.conf.</source>
        <translation>信任 Pier 的证书颁发机构（PEM）：在 /etc/davfs2/davfs2.conf 中添加“trust_ca_cert /path/to/{file}”。</translation>
    </message>
    <message>
        <source>Changes reach the share when a file is closed (davfs2 keeps a cache); sudo umount {folder} when done.</source>
        <translation>文件关闭时更改才会写入共享（davfs2 有缓存）；完成后运行 sudo umount {folder}。</translation>
    </message>
    <message>
        <source>Folders look empty or “ls” says “Invalid argument”? davfs2 before 1.7.2 on Linux 6.16 or later needs “buf_size 132” in /etc/davfs2/davfs2.conf.</source>
        <translation>文件夹看起来是空的，或者“ls”提示“Invalid argument”？在 Linux 6.16 或更高版本上，1.7.2 之前的 davfs2 需要在 /etc/davfs2/davfs2.conf 中设置“buf_size 132”。</translation>
    </message>
    <message>
        <source>Linux (davfs2)</source>
        <translation>Linux（davfs2）</translation>
    </message>
    <message>
        <source>Install davfs2 (apt install davfs2), make the folder {folder}, then run:</source>
        <translation>安装 davfs2（apt install davfs2），创建文件夹 {folder}，然后运行：</translation>
    </message>
</context>
<context>
    <name>ErrorPagesBox</name>
    <message>
        <source>Choose the error pages folder</source>
        <translation>选择错误页面文件夹</translation>
    </message>
    <message>
        <source>None: Pier&apos;s own pages</source>
        <translation>无：使用 Pier 自带的页面</translation>
    </message>
    <message>
        <source>Error pages folder</source>
        <translation>错误页面文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Use Pier&apos;s own error pages</source>
        <translation>使用 Pier 自带的错误页面</translation>
    </message>
    <message>
        <source>Error pages folder:</source>
        <translation>错误页面文件夹：</translation>
    </message>
    <message>
        <source>Browsers get 404.html, 403.html, 401.html, 500.html… from this folder instead of Pier&apos;s own pages (404.de.html for one language). {status}, {reason} and {path} are filled in. Keep it outside a share that accepts uploads.</source>
        <translation>浏览器将从此文件夹获取 404.html、403.html、401.html、500.html…，而不是 Pier 自带的页面（404.de.html 用于某一种语言）。{status}、{reason} 和 {path} 会被填入。请把它放在接受上传的共享之外。</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>{problem}

Pier keeps running; please report this if it repeats.</source>
        <translation>{problem}

Pier 会继续运行；如果问题反复出现，请报告。</translation>
    </message>
    <message>
        <source>

Details were written to {file}.</source>
        <translation>

详细信息已写入 {file}。</translation>
    </message>
    <message>
        <source>Pier hit an unexpected problem</source>
        <translation>Pier 遇到了意外问题</translation>
    </message>
</context>
<context>
    <name>FirstRunQuestion</name>
    <message>
        <source>Who should be able to open this?</source>
        <translation>谁可以打开它？</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <source>Only browsers on this computer can open the share</source>
        <translation>只有本机上的浏览器能打开共享</translation>
    </message>
    <message>
        <source>Devices on my network</source>
        <translation>我网络中的设备</translation>
    </message>
    <message>
        <source>Phones, tablets and computers on the same Wi-Fi or network can open the share</source>
        <translation>同一 Wi-Fi 或网络中的手机、平板和电脑都能打开共享</translation>
    </message>
    <message>
        <source>Pier asks once. Change it any time under “Who can connect”.</source>
        <translation>Pier 只询问一次。您可以随时在“谁可以连接”中更改。</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Make a new certificate</source>
        <translation>创建新证书</translation>
    </message>
    <message>
        <source>Pier makes a certificate for this computer&apos;s names and addresses, signed by its own local authority (CA). Devices that trust the CA keep trusting new certificates.</source>
        <translation>Pier 会为本机的名称和地址创建证书，并由其自己的本地证书颁发机构（CA）签名。信任该 CA 的设备会继续信任新证书。</translation>
    </message>
    <message>
        <source>e.g. nas.home.arpa, 192.168.1.50</source>
        <translation>例如 nas.home.arpa, 192.168.1.50</translation>
    </message>
    <message>
        <source>Extra names</source>
        <translation>附加名称</translation>
    </message>
    <message>
        <source>Extra names:</source>
        <translation>附加名称：</translation>
    </message>
    <message>
        <source>Use RSA keys instead of ECDSA (for very old devices)</source>
        <translation>使用 RSA 密钥代替 ECDSA（用于非常旧的设备）</translation>
    </message>
    <message>
        <source>One self-signed certificate, without a CA</source>
        <translation>单个自签名证书，不使用 CA</translation>
    </message>
    <message>
        <source>Also make a new CA (devices must trust Pier again)</source>
        <translation>同时创建新的 CA（设备必须重新信任 Pier）</translation>
    </message>
    <message>
        <source>Make certificate</source>
        <translation>创建证书</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Used from the next start of Pier</source>
        <translation>从下次启动 Pier 时生效</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Pier will use {language} the next time it starts.</source>
        <translation>Pier 下次启动时将使用{language}。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>LimitsPanel</name>
    <message>
        <source>Names other devices use to reach this share, such as pc.fritz.box or a VPN name. Requests for any other name are refused (protects against DNS rebinding).</source>
        <translation>其他设备访问此共享时使用的名称，例如 pc.fritz.box 或 VPN 名称。对任何其他名称的请求都会被拒绝（防止 DNS 重绑定）。</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>Who may connect</source>
        <translation>谁可以连接</translation>
    </message>
    <message>
        <source>Finding the share</source>
        <translation>发现共享</translation>
    </message>
    <message>
        <source>Error pages</source>
        <translation>错误页面</translation>
    </message>
    <message>
        <source>Total download speed</source>
        <translation>总下载速度</translation>
    </message>
    <message>
        <source>Download speed per device</source>
        <translation>每台设备的下载速度</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Downloads at once per device</source>
        <translation>每台设备的同时下载数</translation>
    </message>
    <message>
        <source>Total download speed:</source>
        <translation>总下载速度：</translation>
    </message>
    <message>
        <source>Per device:</source>
        <translation>每台设备：</translation>
    </message>
    <message>
        <source>Large downloads at once per device:</source>
        <translation>每台设备同时进行的大型下载数：</translation>
    </message>
    <message>
        <source>Applies at once, also to downloads already running. Small files and pages are never held back by the per-device download count.</source>
        <translation>立即生效，也适用于正在进行的下载。小文件和页面永远不会受每台设备下载数的限制。</translation>
    </message>
    <message>
        <source>Only allow these addresses and networks</source>
        <translation>仅允许这些地址和网络</translation>
    </message>
    <message>
        <source>Only allow listed addresses</source>
        <translation>仅允许列出的地址</translation>
    </message>
    <message>
        <source>Everyone else is refused when connecting</source>
        <translation>其他所有人连接时都会被拒绝</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24, 10.0.0.7, ::1</source>
        <translation>例如 192.168.1.0/24, 10.0.0.7, ::1</translation>
    </message>
    <message>
        <source>Allowed addresses and networks</source>
        <translation>允许的地址和网络</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply the allow-list</source>
        <translation>应用允许列表</translation>
    </message>
    <message>
        <source>e.g. pc.fritz.box, laptop.vpn</source>
        <translation>例如 pc.fritz.box, laptop.vpn</translation>
    </message>
    <message>
        <source>Other names for this computer</source>
        <translation>本机的其他名称</translation>
    </message>
    <message>
        <source>Separate names with commas or spaces. Exact names only: no wildcards, scheme or port.</source>
        <translation>用逗号或空格分隔名称。仅限精确名称：不能使用通配符、协议或端口。</translation>
    </message>
    <message>
        <source>Other names for this computer:</source>
        <translation>本机的其他名称：</translation>
    </message>
    <message>
        <source>Announce on the local network (mDNS)</source>
        <translation>在局域网中广播（mDNS）</translation>
    </message>
    <message>
        <source>Announce on the local network</source>
        <translation>在局域网中广播</translation>
    </message>
    <message>
        <source>Phones and computers on the network can find the share by name (Bonjour / Avahi), without typing an address</source>
        <translation>网络中的手机和电脑可以按名称找到共享（Bonjour / Avahi），无需输入地址</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer may connect.</source>
        <translation>任何能访问本机的人都可以连接。</translation>
    </message>
    <message>
        <source>In force: only {addresses}.</source>
        <translation>生效中：仅限 {addresses}。</translation>
    </message>
    <message>
        <source>Press Apply (or Enter) to put the new list in force.</source>
        <translation>点击“应用”（或按回车键）使新列表生效。</translation>
    </message>
    <message>
        <source>{problem} Not saved.</source>
        <translation>{problem} 未保存。</translation>
    </message>
    <message>
        <source>Only the share&apos;s own names are accepted.</source>
        <translation>只接受共享自身的名称。</translation>
    </message>
    <message>
        <source>Also accepted once you leave the field: {names}.</source>
        <translation>离开此字段后还将接受：{names}。</translation>
    </message>
    <message>
        <source>Also accepted from the next Start: {names}.</source>
        <translation>下次启动后还将接受：{names}。</translation>
    </message>
    <message>
        <source>Announced while sharing on the local network.</source>
        <translation>在局域网上共享时广播。</translation>
    </message>
    <message>
        <source>Not announced: devices need the address or the QR code.</source>
        <translation>未广播：设备需要地址或二维码。</translation>
    </message>
    <message>
        <source>Not announced: the share is for this computer only.</source>
        <translation>未广播：共享仅限本机。</translation>
    </message>
    <message>
        <source>Announced as “{name}”: look for it in the Files or Network view.</source>
        <translation>已广播为“{name}”：请在“文件”或“网络”视图中查找。</translation>
    </message>
    <message>
        <source>Announcing…</source>
        <translation>正在广播…</translation>
    </message>
    <message>
        <source>The allow-list is empty, so nobody could connect. Add at least one address or network, e.g. 192.168.1.0/24.</source>
        <translation>允许列表为空，因此没有人能连接。请至少添加一个地址或网络，例如 192.168.1.0/24。</translation>
    </message>
</context>
<context>
    <name>LinkService</name>
    <message>
        <source>Choose the folder to share first.</source>
        <translation>请先选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>Choose a file or folder inside the share.</source>
        <translation>请选择共享中的文件或文件夹。</translation>
    </message>
    <message>
        <source>{path} is not inside the shared folder {share}. A link can only give out something the share contains.</source>
        <translation>{path} 不在共享文件夹 {share} 中。链接只能分享共享中的内容。</translation>
    </message>
    <message>
        <source>{path} holds Pier&apos;s own files (settings, accounts, keys): it cannot be linked.</source>
        <translation>{path} 包含 Pier 自身的文件（设置、帐户、密钥）：无法为其创建链接。</translation>
    </message>
    <message>
        <source>Choose the date the link ends.</source>
        <translation>请选择链接的结束日期。</translation>
    </message>
    <message>
        <source>Only a folder link can take uploads.</source>
        <translation>只有文件夹链接才能接受上传。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>{count} of {allowed}</source>
        <translation>{count}/{allowed}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>{who} at {time}</source>
        <translation>{who}，{time}</translation>
    </message>
    <message>
        <source>{who} on {date}</source>
        <translation>{who}，{date}</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>New link…</source>
        <translation>新建链接…</translation>
    </message>
    <message>
        <source>Make a link to one file or folder of the share (or drop it on the window)</source>
        <translation>为共享中的某个文件或文件夹创建链接（或将其拖放到窗口上）</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Address the links use</source>
        <translation>链接使用的地址</translation>
    </message>
    <message>
        <source>Share links</source>
        <translation>共享链接</translation>
    </message>
    <message>
        <source>QR code of the selected link</source>
        <translation>所选链接的二维码</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s address</source>
        <translation>复制所选链接的地址</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Revoke ends the link at once (downloads on it are cancelled); make a new link to give the item again</source>
        <translation>撤销会立即终止链接（通过它进行的下载会被取消）；如需再次分享该项目，请创建新链接</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Let PINs be tried again on this link (it was locked after 10 wrong PINs)</source>
        <translation>允许再次在此链接上尝试 PIN（它在 10 次 PIN 错误后被锁定）</translation>
    </message>
    <message>
        <source>Choose a folder to share, then make links to what it holds.</source>
        <translation>请选择要共享的文件夹，然后为其中的内容创建链接。</translation>
    </message>
    <message>
        <source>Links can be made now; their addresses show once sharing has started.</source>
        <translation>现在就可以创建链接；开始共享后会显示它们的地址。</translation>
    </message>
    <message>
        <source>Anyone with a link can open what it gives until it ends: send it to one person.</source>
        <translation>任何拿到链接的人都可以在链接结束前打开它分享的内容：请只发给一个人。</translation>
    </message>
    <message>
        <source>(once sharing)</source>
        <translation>（开始共享后）</translation>
    </message>
    <message>
        <source>Select a link to see its QR code.</source>
        <translation>选择一个链接以查看其二维码。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>允许上传</translation>
    </message>
    <message>
        <source>The address and QR code show once sharing has started.</source>
        <translation>开始共享后会显示地址和二维码。</translation>
    </message>
    <message>
        <source>Only this computer can open this share: no QR code.</source>
        <translation>只有本机能打开此共享：没有二维码。</translation>
    </message>
    <message>
        <source>No folder to share</source>
        <translation>没有要共享的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder to share first: a link gives out something it holds.</source>
        <translation>请先选择要共享的文件夹：链接分享的是其中的内容。</translation>
    </message>
    <message>
        <source>Could not revoke the link</source>
        <translation>无法撤销链接</translation>
    </message>
    <message>
        <source>Could not unlock the link</source>
        <translation>无法解锁链接</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>Settings not changed: {problem}</source>
        <translation>设置未更改：{problem}</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before at {address}.</source>
        <translation>Pier 继续像之前一样在 {address} 共享。</translation>
    </message>
    <message>
        <source>Pier goes on sharing as before.</source>
        <translation>Pier 继续像之前一样共享。</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>还没有帐户</translation>
    </message>
    <message>
        <source>Add an account, then turn “Require login” on again.</source>
        <translation>请添加一个帐户，然后再次开启“要求登录”。</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>打开“用户”…</translation>
    </message>
    <message>
        <source>Could not change the share</source>
        <translation>无法更改共享</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>401: login needed, or a wrong name or password</source>
        <translation>401：需要登录，或用户名或密码错误</translation>
    </message>
    <message>
        <source>429: locked out for a while after too many wrong passwords</source>
        <translation>429：密码错误次数过多，暂时被锁定</translation>
    </message>
    <message>
        <source>{size} (cut short)</source>
        <translation>{size}（被截断）</translation>
    </message>
    <message>
        <source>{size} of {total}</source>
        <translation>{size} / {total}</translation>
    </message>
    <message>
        <source>{file} (resumable upload, complete of {total})</source>
        <translation>{file}（可续传上传，已完成，共 {total}）</translation>
    </message>
    <message>
        <source>{file} (resumable upload, {percent} of {total})</source>
        <translation>{file}（可续传上传，{total} 的 {percent}）</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>不完整：客户端收到了 {sent} 字节（客户端已离开或停止读取，或文件已更改）</translation>
    </message>
    <message>
        <source>Incomplete: the client received {sent} of {total} bytes (it went away or stopped reading, or the file changed)</source>
        <translation>不完整：客户端收到了 {total} 字节中的 {sent} 字节（客户端已离开或停止读取，或文件已更改）</translation>
    </message>
    <message>
        <source>{own} to answer; it also waited {waited} for a thumbnail being made (background work), {total} in all</source>
        <translation>响应用时 {own}；另外等待生成缩略图 {waited}（后台工作），共 {total}</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Success (2xx)</source>
        <translation>成功 (2xx)</translation>
    </message>
    <message>
        <source>Redirects (3xx)</source>
        <translation>重定向 (3xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>客户端错误 (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>服务器错误 (5xx)</translation>
    </message>
    <message>
        <source>All errors (4xx, 5xx)</source>
        <translation>所有错误 (4xx, 5xx)</translation>
    </message>
    <message>
        <source>Filter by path, client, user, method, status or agent</source>
        <translation>按路径、客户端、用户、方法、状态码或用户代理筛选</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>筛选请求</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态码筛选</translation>
    </message>
    <message>
        <source>Filter by client</source>
        <translation>按客户端筛选</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause the log</source>
        <translation>暂停日志</translation>
    </message>
    <message>
        <source>Stop adding rows; nothing is lost meanwhile</source>
        <translation>停止添加行；期间不会丢失任何内容</translation>
    </message>
    <message>
        <source>Latest ↓</source>
        <translation>最新 ↓</translation>
    </message>
    <message>
        <source>Scroll to the latest request</source>
        <translation>滚动到最新请求</translation>
    </message>
    <message>
        <source>Jump to the newest request and follow the log</source>
        <translation>跳到最新请求并跟随日志</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <source>Remove all rows (Ctrl+L)</source>
        <translation>删除所有行（Ctrl+L）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the visible requests</source>
        <translation>导出可见的请求</translation>
    </message>
    <message>
        <source>Save the rows shown to CSV or JSON Lines</source>
        <translation>将显示的行保存为 CSV 或 JSON Lines</translation>
    </message>
    <message>
        <source>Show chunks</source>
        <translation>显示分块</translation>
    </message>
    <message>
        <source>Show every request of resumable uploads</source>
        <translation>显示可续传上传的每个请求</translation>
    </message>
    <message>
        <source>A resumable upload is one row, updated as its chunks arrive; check to see each of its requests (PATCH, HEAD) as a row of its own</source>
        <translation>一个可续传上传显示为一行，随着分块到达而更新；勾选后可将它的每个请求（PATCH、HEAD）单独显示为一行</translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;请求&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>Select all requests</source>
        <translation>选择所有请求</translation>
    </message>
    <message>
        <source>No requests yet. They appear here as soon as someone opens the shared address.</source>
        <translation>暂无请求。有人打开共享地址后，请求就会显示在这里。</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <translation>所选请求的详细信息</translation>
    </message>
    <message>
        <source>Select a request to see all its details here.</source>
        <translation>选择一个请求即可在此查看其全部详细信息。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume the log</source>
        <translation>继续日志</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>There are no requests in the log (or none match the filter).</source>
        <translation>日志中没有请求（或没有与筛选条件匹配的请求）。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n shown</source>
        <translation>
            <numerusform>显示 {shown} / %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n upload chunks folded</source>
        <translation>
            <numerusform> · 已折叠 %n 个上传分块</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n waiting (paused)</source>
        <translation>
            <numerusform> · %n 个等待中（已暂停）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>{size} ({bytes} bytes)</source>
        <translation>{size}（{bytes} 字节）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>用户代理</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Referer</source>
        <translation>来源页（Referer）</translation>
    </message>
    <message>
        <source>{own}, and it waited {waited} for a thumbnail being made (background work, not a slow answer)</source>
        <translation>{own}，另外等待生成缩略图 {waited}（后台工作，并非响应缓慢）</translation>
    </message>
    <message>
        <source>, incomplete: cut short</source>
        <translation>，不完整：被截断</translation>
    </message>
    <message>
        <source>, incomplete: of {bytes} bytes</source>
        <translation>，不完整：共 {bytes} 字节</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Share</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>选择文件夹(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Start sharing</source>
        <translation>开始共享(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Users and passwords…</source>
        <translation>用户和密码(&amp;U)…</translation>
    </message>
    <message>
        <source>HTTPS c&amp;ertificate…</source>
        <translation>HTTPS 证书(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>请求(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>暂停或继续(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export visible rows…</source>
        <translation>导出可见行(&amp;E)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Pier</source>
        <translation>关于 Pier(&amp;A)</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>设置已重置</translation>
    </message>
    <message>
        <source>Choose a folder to share, then press Start.</source>
        <translation>请选择要共享的文件夹，然后点击“开始”。</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>停止共享(&amp;S)</translation>
    </message>
    <message>
        <source>Pier — sharing {folder}</source>
        <translation>Pier — 正在共享 {folder}</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>共享地址：{address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>正在共享</translation>
    </message>
    <message>
        <source>Stopped sharing</source>
        <translation>已停止共享</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>帐户出现问题</translation>
    </message>
    <message>
        <source>Folder chosen. Press “Start sharing”.</source>
        <translation>已选择文件夹。请点击“开始共享”。</translation>
    </message>
    <message>
        <source>About Pier</source>
        <translation>关于 Pier</translation>
    </message>
    <message>
        <source>Pier shares a folder with the devices on your local network.

Pick a folder, press Start sharing, then open the address shown (or scan the QR code) on another device.</source>
        <translation>Pier 可以将一个文件夹共享给您局域网中的设备。

选择文件夹，点击“开始共享”，然后在另一台设备上打开显示的地址（或扫描二维码）。</translation>
    </message>
</context>
<context>
    <name>MonitorTabs</name>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Limits &amp;&amp; access</source>
        <translation>限制与访问</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收集</translation>
    </message>
</context>
<context>
    <name>NewLinkDialog</name>
    <message>
        <source>New link</source>
        <translation>新建链接</translation>
    </message>
    <message>
        <source>Give one file or folder of the share to someone for a while, without an account. Anyone with the link can open it until it ends.</source>
        <translation>将共享中的一个文件或文件夹在一段时间内分享给某人，无需帐户。任何拿到链接的人都可以在链接结束前打开它。</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>文件或文件夹：</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>下载次数限制</translation>
    </message>
    <message>
        <source>The link ends after this many complete downloads (views and previews count too). A video player may fetch the end of a file first, which counts: allow a few downloads for a video</source>
        <translation>完整下载达到此次数后链接结束（查看和预览也计入）。视频播放器可能会先获取文件末尾，这也会计入：请为视频多留几次下载</translation>
    </message>
    <message>
        <source>Downloads:</source>
        <translation>下载次数：</translation>
    </message>
    <message>
        <source>No PIN (4 to 64 characters)</source>
        <translation>无 PIN（4 到 64 个字符）</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Asked before the link opens; tell it to the person separately</source>
        <translation>打开链接前会要求输入；请另行告知对方</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>People with the link may upload here</source>
        <translation>拿到链接的人可以上传到这里</translation>
    </message>
    <message>
        <source>A drop box: only for a folder</source>
        <translation>投递箱：仅适用于文件夹</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>创建链接</translation>
    </message>
    <message>
        <source>File or folder to link</source>
        <translation>要创建链接的文件或文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Choose a file inside the share</source>
        <translation>选择共享中的文件</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Choose a folder inside the share</source>
        <translation>选择共享中的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Link ends after</source>
        <translation>链接结束时间</translation>
    </message>
    <message>
        <source>Last day of the link</source>
        <translation>链接的最后一天</translation>
    </message>
    <message>
        <source>The link works to the end of this day</source>
        <translation>链接在这一天结束前有效</translation>
    </message>
    <message>
        <source>Choose a file to link</source>
        <translation>选择要创建链接的文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Until a date</source>
        <translation>直到某个日期</translation>
    </message>
</context>
<context>
    <name>RateInput</name>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{caption}, unit</source>
        <translation>{caption}，单位</translation>
    </message>
</context>
<context>
    <name>ReceivedTextBanner</name>
    <message>
        <source>A text arrived</source>
        <translation>收到一段文本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Put the whole text on the clipboard</source>
        <translation>将全部文本放入剪贴板</translation>
    </message>
    <message>
        <source>Copy the text that arrived</source>
        <translation>复制收到的文本</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss the text that arrived</source>
        <translation>忽略收到的文本</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Pier could not read its settings ({reason}).</source>
        <translation>Pier 无法读取其设置（{reason}）。</translation>
    </message>
    <message>
        <source>The settings file {file} was damaged ({reason}). Defaults are used.</source>
        <translation>设置文件 {file} 已损坏（{reason}）。将使用默认设置。</translation>
    </message>
    <message>
        <source> A copy was kept as {file}.</source>
        <translation>已保留一份副本：{file}。</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>The shared folder is gone ({folder}): it was removed or renamed, or its disk was unplugged. Visitors see “This share is unavailable”. Sharing resumes by itself when the same folder is back.</source>
        <translation>共享文件夹已不存在（{folder}）：它已被删除或重命名，或其所在磁盘已被拔出。访客会看到“此共享不可用”。同一文件夹恢复后，共享会自动继续。</translation>
    </message>
    <message>
        <source>The shared folder is unavailable</source>
        <translation>共享文件夹不可用</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>nothing (log in first)</source>
        <translation>无（需先登录）</translation>
    </message>
    <message>
        <source>look and download</source>
        <translation>浏览和下载</translation>
    </message>
    <message>
        <source>look, download and upload</source>
        <translation>浏览、下载和上传</translation>
    </message>
    <message>
        <source>look, download, upload and change</source>
        <translation>浏览、下载、上传和更改</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>局域网</translation>
    </message>
    <message>
        <source>Not sharing</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>正在共享</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>1. Choose what to share</source>
        <translation>1. 选择要共享的内容</translation>
    </message>
    <message>
        <source>2. Start</source>
        <translation>2. 开始</translation>
    </message>
    <message>
        <source>Who can do what</source>
        <translation>谁可以做什么</translation>
    </message>
    <message>
        <source>3. Open it on another device</source>
        <translation>3. 在另一台设备上打开</translation>
    </message>
    <message>
        <source>Choose a folder, or drop one on this window</source>
        <translation>选择文件夹，或将文件夹拖放到此窗口</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>要共享的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Pick the folder to share</source>
        <translation>选择要共享的文件夹</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>谁可以连接</translation>
    </message>
    <message>
        <source>“Local network” lets phones and other computers connect.</source>
        <translation>选择“局域网”后，手机和其他电脑即可连接。</translation>
    </message>
    <message>
        <source>Who can connect:</source>
        <translation>谁可以连接：</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>1 to 65535. “Any free port” (0) lets Pier pick one and keep it for the next starts.</source>
        <translation>1 到 65535。“任意空闲端口”（0）由 Pier 选择一个端口，并在之后启动时继续使用。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Show hidden files</source>
        <translation>显示隐藏文件</translation>
    </message>
    <message>
        <source>Also share names starting with “.”</source>
        <translation>也共享以“.”开头的名称</translation>
    </message>
    <message>
        <source>Website mode</source>
        <translation>网站模式</translation>
    </message>
    <message>
        <source>Open a folder&apos;s index.html instead of its listing and run the share&apos;s pages and scripts as a website. Pages in the share, uploaded ones included, then run as this share with each visitor&apos;s login: turn it on only for files you trust, and not with uploads from others.</source>
        <translation>打开文件夹的 index.html 而不是其文件列表，并将共享中的页面和脚本作为网站运行。共享中的页面（包括上传的页面）将以此共享的身份、使用每位访客的登录状态运行：仅对您信任的文件开启，不要在接受他人上传时开启。</translation>
    </message>
    <message>
        <source>Require login</source>
        <translation>要求登录</translation>
    </message>
    <message>
        <source>Only people with an account (Users…) get in</source>
        <translation>只有拥有帐户（用户…）的人才能进入</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add and manage accounts (Ctrl+U)</source>
        <translation>添加和管理帐户（Ctrl+U）</translation>
    </message>
    <message>
        <source>Visitors without an account may</source>
        <translation>没有帐户的访客可以</translation>
    </message>
    <message>
        <source>Visitors without an account may:</source>
        <translation>没有帐户的访客可以：</translation>
    </message>
    <message>
        <source>Allow uploads</source>
        <translation>允许上传</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the upload permission) may add files and folders</source>
        <translation>访客（或拥有上传权限的帐户）可以添加文件和文件夹</translation>
    </message>
    <message>
        <source>Allow changes</source>
        <translation>允许更改</translation>
    </message>
    <message>
        <source>Visitors (or accounts with the “change” permission) may rename, move and delete files and folders, and uploads may replace a file of the same name. Deleted items go to this computer&apos;s trash</source>
        <translation>访客（或拥有“更改”权限的帐户）可以重命名、移动和删除文件和文件夹，上传也可以替换同名文件。删除的项目会进入本机的回收站</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Largest upload</source>
        <translation>最大上传</translation>
    </message>
    <message>
        <source>Larger uploads are refused before they are sent</source>
        <translation>更大的上传会在发送前被拒绝</translation>
    </message>
    <message>
        <source>Largest:</source>
        <translation>最大：</translation>
    </message>
    <message>
        <source>Allow permanent deletes where there is no trash</source>
        <translation>在没有回收站的位置允许永久删除</translation>
    </message>
    <message>
        <source>Some disks (network folders) have no trash: a delete there is refused unless this is on, and then it cannot be undone</source>
        <translation>某些磁盘（网络文件夹）没有回收站：除非开启此项，否则会拒绝在那里删除，开启后删除将无法撤销</translation>
    </message>
    <message>
        <source>HTTPS (encrypted)</source>
        <translation>HTTPS（加密）</translation>
    </message>
    <message>
        <source>Devices must trust Pier&apos;s certificate once (Certificate…)</source>
        <translation>设备需要信任一次 Pier 的证书（证书…）</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>See, make or import the HTTPS certificate</source>
        <translation>查看、创建或导入 HTTPS 证书</translation>
    </message>
    <message>
        <source>Now: {summary}</source>
        <translation>当前：{summary}</translation>
    </message>
    <message>
        <source>Will share with: {summary}</source>
        <translation>将按以下方式共享：{summary}</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>停止共享</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>开始共享</translation>
    </message>
    <message>
        <source>for {time}</source>
        <translation>已运行 {time}</translation>
    </message>
</context>
<context>
    <name>ShareTextDialog</name>
    <message>
        <source>Share text</source>
        <translation>共享文本</translation>
    </message>
    <message>
        <source>Everyone who may read the share sees this text on top of the page, with a Copy button, until you clear it or sharing stops.</source>
        <translation>所有可以读取共享的人都会在页面顶部看到这段文本（带有“复制”按钮），直到您清除它或停止共享。</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>要共享的文本</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Share this text</source>
        <translation>共享此文本</translation>
    </message>
</context>
<context>
    <name>SharedTextBar</name>
    <message>
        <source>Share text…</source>
        <translation>共享文本…</translation>
    </message>
    <message>
        <source>Show a text on the page, for everyone who may read it</source>
        <translation>在页面上显示一段文本，供所有可以读取的人查看</translation>
    </message>
    <message>
        <source>Share text</source>
        <translation>共享文本</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the shared text</source>
        <translation>清除共享的文本</translation>
    </message>
    <message>
        <source>On the page: {text}</source>
        <translation>页面上：{text}</translation>
    </message>
    <message>
        <source>No text on the page. Share one for everyone who reads the share.</source>
        <translation>页面上没有文本。可以共享一段文本给所有读取共享的人。</translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <source>Invalid port</source>
        <translation>端口无效</translation>
    </message>
    <message>
        <source>Cannot share this folder</source>
        <translation>无法共享此文件夹</translation>
    </message>
    <message>
        <source>{problem}

Add an account now, then press Start again.</source>
        <translation>{problem}

请立即添加帐户，然后再次点击“开始”。</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>还没有帐户</translation>
    </message>
    <message>
        <source>Open Users…</source>
        <translation>打开“用户”…</translation>
    </message>
    <message>
        <source>Problem with the accounts</source>
        <translation>帐户出现问题</translation>
    </message>
    <message>
        <source>{problem}

Open Share ▸ HTTPS certificate… to make a new certificate or import another one, or turn HTTPS off.</source>
        <translation>{problem}

请打开“共享”▸“HTTPS 证书…”创建新证书或导入其他证书，或关闭 HTTPS。</translation>
    </message>
    <message>
        <source>HTTPS certificate problem</source>
        <translation>HTTPS 证书问题</translation>
    </message>
    <message>
        <source>Could not start sharing</source>
        <translation>无法开始共享</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>端口已被占用</translation>
    </message>
    <message>
        <source>{problem}

Another program is using port {port}. Pier can pick a free port instead.</source>
        <translation>{problem}

另一个程序正在使用端口 {port}。Pier 可以改为选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Port not allowed</source>
        <translation>端口不被允许</translation>
    </message>
    <message>
        <source>{problem}

Ports below 1024 need administrator rights on this system. Pier can pick a free port instead.</source>
        <translation>{problem}

在此系统上，使用 1024 以下的端口需要管理员权限。Pier 可以改为选择一个空闲端口。</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>使用空闲端口</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n devices are connected</source>
        <translation>
            <numerusform>%n 台设备已连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfers are running</source>
        <translation>
            <numerusform>%n 个传输正在进行</numerusform>
        </translation>
    </message>
    <message>
        <source>{connected} and {running}</source>
        <translation>{connected}，{running}</translation>
    </message>
    <message>
        <source>No login: anyone who connects may download</source>
        <translation>无需登录：任何连接的人都可以下载</translation>
    </message>
    <message>
        <source>Login required</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download, upload and rename, move and delete</source>
        <translation>帐户需登录 · 访客可以浏览、下载、上传以及重命名、移动和删除</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and upload</source>
        <translation>帐户需登录 · 访客可以浏览、下载和上传</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look, download and rename, move and delete</source>
        <translation>帐户需登录 · 访客可以浏览、下载以及重命名、移动和删除</translation>
    </message>
    <message>
        <source>Login for accounts · visitors may look and download</source>
        <translation>帐户需登录 · 访客可以浏览和下载</translation>
    </message>
    <message>
        <source>download only</source>
        <translation>仅下载</translation>
    </message>
    <message>
        <source>anyone may upload, rename, move and delete</source>
        <translation>任何人都可以上传、重命名、移动和删除</translation>
    </message>
    <message>
        <source>uploads allowed</source>
        <translation>允许上传</translation>
    </message>
    <message>
        <source>anyone may rename, move and delete</source>
        <translation>任何人都可以重命名、移动和删除</translation>
    </message>
    <message>
        <source>accounts with “upload” may add files</source>
        <translation>拥有“上传”权限的帐户可以添加文件</translation>
    </message>
    <message>
        <source>accounts with “change” may rename, move and delete</source>
        <translation>拥有“更改”权限的帐户可以重命名、移动和删除</translation>
    </message>
    <message>
        <source> (deleted items go to the trash, or for good where there is none)</source>
        <translation>（删除的项目进入回收站；没有回收站的位置则永久删除）</translation>
    </message>
    <message>
        <source> (deleted items go to the trash)</source>
        <translation>（删除的项目进入回收站）</translation>
    </message>
    <message>
        <source>plain HTTP (not encrypted)</source>
        <translation>普通 HTTP（未加密）</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share, uploaded ones too</source>
        <translation>网站模式：共享中的页面（包括上传的页面）以共享的身份运行</translation>
    </message>
    <message>
        <source>website mode: pages in the share run as the share</source>
        <translation>网站模式：共享中的页面以共享的身份运行</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>共享地址：{address}</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>正在共享</translation>
    </message>
    <message>
        <source>Now sharing on this computer only at {address}</source>
        <translation>现在仅在本机上共享，地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing on this computer only</source>
        <translation>现在仅在本机上共享</translation>
    </message>
    <message>
        <source>Now sharing on the local network at {address}</source>
        <translation>现在在局域网上共享，地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing on the local network</source>
        <translation>现在在局域网上共享</translation>
    </message>
    <message>
        <source>Now sharing {folder} at {address}</source>
        <translation>现在共享 {folder}，地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing {folder}</source>
        <translation>现在共享 {folder}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS at {address}</source>
        <translation>现在通过 HTTPS 共享，地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing with HTTPS</source>
        <translation>现在通过 HTTPS 共享</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted) at {address}</source>
        <translation>现在不使用 HTTPS 共享（未加密），地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing without HTTPS (not encrypted)</source>
        <translation>现在不使用 HTTPS 共享（未加密）</translation>
    </message>
    <message>
        <source>Now sharing at {address}</source>
        <translation>现在共享地址：{address}</translation>
    </message>
    <message>
        <source>Now sharing</source>
        <translation>现在正在共享</translation>
    </message>
    <message>
        <source>New settings apply now, from the next request</source>
        <translation>新设置现已生效，从下一个请求开始适用</translation>
    </message>
</context>
<context>
    <name>TextBanners</name>
    <message>
        <source>Text from {who}, saved as {file}:</source>
        <translation>来自 {who} 的文本，已保存为 {file}：</translation>
    </message>
</context>
<context>
    <name>TextControls</name>
    <message>
        <source>Share &amp;text…</source>
        <translation>共享文本(&amp;T)…</translation>
    </message>
    <message>
        <source>Share the clipboard&apos;s text</source>
        <translation>共享剪贴板中的文本</translation>
    </message>
    <message>
        <source>C&amp;lear shared text</source>
        <translation>清除共享文本(&amp;L)</translation>
    </message>
</context>
<context>
    <name>TrafficTexts</name>
    <message numerus="yes">
        <source>In the cache: {size} in %n files. </source>
        <translation>
            <numerusform>缓存中：%n 个文件，共 {size}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Errors (4xx/5xx)</source>
        <translation>错误 (4xx/5xx)</translation>
    </message>
    <message>
        <source>Connections now</source>
        <translation>当前连接</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>延迟 p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Thumbnails are made in the background, so downloads stay fast. Requests for them are counted here rather than in the busiest paths, and the time one waited for a thumbnail being made is not counted as slowness.</source>
        <translation>缩略图在后台生成，因此下载速度不受影响。对缩略图的请求在这里计数，而不计入最常请求的路径；等待缩略图生成的时间也不计为响应缓慢。</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} 个等待中</translation>
    </message>
    <message>
        <source>{count} being made</source>
        <translation>{count} 个生成中</translation>
    </message>
    <message>
        <source>{count} made</source>
        <translation>已生成 {count} 个</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} 个失败</translation>
    </message>
    <message>
        <source>{count} served</source>
        <translation>已提供 {count} 个</translation>
    </message>
    <message>
        <source>Thumbnails: {work}</source>
        <translation>缩略图：{work}</translation>
    </message>
    <message>
        <source>none made yet</source>
        <translation>尚未生成</translation>
    </message>
    <message>
        <source>Answered from memory {memory} times, from the disk {disk} times. Failed: files that gave no picture (broken, too large, or a video that cannot be read); visitors see an icon.</source>
        <translation>从内存响应 {memory} 次，从磁盘响应 {disk} 次。失败：无法生成图片的文件（已损坏、过大或无法读取的视频）；访客会看到一个图标。</translation>
    </message>
    <message>
        <source>Charts update once a second while sharing.</source>
        <translation>共享期间图表每秒更新一次。</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求数/秒</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>活动连接</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>错误数/秒</translation>
    </message>
    <message>
        <source>Most requested paths</source>
        <translation>最常请求的路径</translation>
    </message>
    <message>
        <source>Paths by data sent</source>
        <translation>按发送数据量排列的路径</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Not sharing</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>开始共享</translation>
    </message>
    <message>
        <source>Open window</source>
        <translation>打开窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Sharing at {address}</source>
        <translation>共享地址：{address}</translation>
    </message>
    <message>
        <source>Pier — sharing at {address}</source>
        <translation>Pier — 共享地址：{address}</translation>
    </message>
    <message>
        <source>Pier — not sharing</source>
        <translation>Pier — 未共享</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>停止共享</translation>
    </message>
</context>
<context>
    <name>UserEditor</name>
    <message>
        <source>Digest is only for old apps that cannot log in over HTTPS; leave it off unless one needs it, because Pier must then keep a password-equivalent secret for this account.</source>
        <translation>Digest 仅用于无法通过 HTTPS 登录的旧应用；除非确有需要，否则请保持关闭，因为开启后 Pier 必须为此帐户保存一个与密码等效的密钥。</translation>
    </message>
    <message>
        <source>Turning Digest on takes effect after the next password change or normal login of this user.</source>
        <translation>开启 Digest 后，需在此用户下次更改密码或正常登录后才会生效。</translation>
    </message>
    <message>
        <source>At least {count} characters. A few unrelated words are strong and easy to type on a phone.</source>
        <translation>至少 {count} 个字符。几个互不相关的单词既安全，又便于在手机上输入。</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>{name} 的新密码</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>例如 alice</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>重复密码</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>What this user may do</source>
        <translation>此用户可以做什么</translation>
    </message>
    <message>
        <source>See and download files</source>
        <translation>查看和下载文件</translation>
    </message>
    <message>
        <source>Upload files and make folders (when the share allows uploads)</source>
        <translation>上传文件和创建文件夹（在共享允许上传时）</translation>
    </message>
    <message>
        <source>Change and delete: rename, move, delete and replace files (when the share allows changes)</source>
        <translation>更改和删除：重命名、移动、删除和替换文件（在共享允许更改时）</translation>
    </message>
    <message>
        <source>Account enabled (may log in)</source>
        <translation>帐户已启用（可以登录）</translation>
    </message>
    <message>
        <source>In the whole shared folder</source>
        <translation>在整个共享文件夹中</translation>
    </message>
    <message>
        <source>Only in these folders:</source>
        <translation>仅在这些文件夹中：</translation>
    </message>
    <message>
        <source>Allowed folders</source>
        <translation>允许的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Pick a folder inside the share</source>
        <translation>选择共享中的文件夹</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Last day the account works</source>
        <translation>帐户可用的最后一天</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Advanced: Digest login</source>
        <translation>高级：Digest 登录</translation>
    </message>
    <message>
        <source>Allow Digest login (SHA-256)</source>
        <translation>允许 Digest 登录（SHA-256）</translation>
    </message>
    <message>
        <source>Also MD5, for old clients</source>
        <translation>同时支持 MD5（用于旧客户端）</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The password is too weak. {advice}</source>
        <translation>密码太弱。{advice}</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Add at least one folder, or choose “In the whole shared folder”.</source>
        <translation>请至少添加一个文件夹，或选择“在整个共享文件夹中”。</translation>
    </message>
    <message>
        <source>Choose the shared folder first</source>
        <translation>请先选择共享文件夹</translation>
    </message>
    <message>
        <source>Folders are picked inside the shared folder. Choose the folder to share in the main window first.</source>
        <translation>文件夹需在共享文件夹中选择。请先在主窗口中选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>Not inside the share</source>
        <translation>不在共享中</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>(off for this share)</source>
        <translation>（此共享已关闭）</translation>
    </message>
    <message>
        <source>Uploads are turned off for this share (“Allow uploads” in the main window), so nobody can upload now, whatever their permission says.</source>
        <translation>此共享已关闭上传（主窗口中的“允许上传”），因此无论权限如何，现在都没有人能上传。</translation>
    </message>
    <message>
        <source>Changes are turned off for this share (“Allow changes” in the main window), so nobody can rename, move or delete now, whatever their permission says.</source>
        <translation>此共享已关闭更改（主窗口中的“允许更改”），因此无论权限如何，现在都没有人能重命名、移动或删除。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
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
        <translation>已停用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Users — Pier</source>
        <translation>用户 — Pier</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>帐户</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Scroll the tabs</source>
        <translation>滚动标签页</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>选择所有行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>People with an account log in with their name and password when “Require login” is on in the main window. Changes apply at once, even while sharing.</source>
        <translation>当主窗口中开启“要求登录”时，拥有帐户的人使用其名称和密码登录。更改会立即生效，即使正在共享。</translation>
    </message>
    <message>
        <source>No accounts yet. Press “Add user…” to create one.</source>
        <translation>还没有帐户。点击“添加用户…”创建一个。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>创建帐户</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change permissions, folders, expiry</source>
        <translation>更改权限、文件夹、有效期</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>更改密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Stop or allow this account&apos;s logins</source>
        <translation>禁止或允许此帐户登录</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the account</source>
        <translation>删除帐户</translation>
    </message>
    <message>
        <source>whole share</source>
        <translation>整个共享</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Could not add the user</source>
        <translation>无法添加用户</translation>
    </message>
    <message>
        <source>Adding {name} (hashing the password)…</source>
        <translation>正在添加 {name}（正在计算密码哈希）…</translation>
    </message>
    <message>
        <source>Could not change the user</source>
        <translation>无法更改用户</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Could not change the password</source>
        <translation>无法更改密码</translation>
    </message>
    <message>
        <source>Changing the password of {name}…</source>
        <translation>正在更改 {name} 的密码…</translation>
    </message>
    <message>
        <source>Delete the account?</source>
        <translation>删除帐户？</translation>
    </message>
    <message>
        <source>Delete the account “{name}”? This user will no longer be able to log in.</source>
        <translation>删除帐户“{name}”？此用户将无法再登录。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Could not delete the user</source>
        <translation>无法删除用户</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>正在删除 {name}…</translation>
    </message>
    <message>
        <source>Who is locked out appears here while sharing with “Require login” on.</source>
        <translation>在开启“要求登录”共享时，被锁定的人会显示在这里。</translation>
    </message>
    <message>
        <source>Nobody is locked out. After 5 wrong passwords, an address or a user name must wait before trying again.</source>
        <translation>没有人被锁定。输错 5 次密码后，相应的地址或用户名必须等待一段时间才能重试。</translation>
    </message>
    <message>
        <source>These addresses and user names typed wrong passwords too often and must wait. Release lets them try now.</source>
        <translation>这些地址和用户名输错密码的次数过多，必须等待。“解除”可让他们立即重试。</translation>
    </message>
    <message>
        <source>Locked out ({count})</source>
        <translation>已锁定（{count}）</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Let this address or user try again now</source>
        <translation>允许此地址或用户立即重试</translation>
    </message>
    <message>
        <source>Release {who}</source>
        <translation>解除 {who}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>WifiQrBox</name>
    <message>
        <source>WEP (old)</source>
        <translation>WEP（旧）</translation>
    </message>
    <message>
        <source>None (open network)</source>
        <translation>无（开放网络）</translation>
    </message>
    <message>
        <source>Get the phone on this Wi-Fi</source>
        <translation>让手机连接到此 Wi-Fi</translation>
    </message>
    <message>
        <source>Type your Wi-Fi&apos;s details; the phone joins it by scanning the code. Pier keeps none of them.</source>
        <translation>输入您 Wi-Fi 的信息；手机扫描二维码即可加入。Pier 不会保存其中任何信息。</translation>
    </message>
    <message>
        <source>Wi-Fi name (SSID)</source>
        <translation>Wi-Fi 名称（SSID）</translation>
    </message>
    <message>
        <source>Wi-Fi security</source>
        <translation>Wi-Fi 安全类型</translation>
    </message>
    <message>
        <source>Wi-Fi password</source>
        <translation>Wi-Fi 密码</translation>
    </message>
    <message>
        <source>Hidden network</source>
        <translation>隐藏网络</translation>
    </message>
    <message>
        <source>Name (SSID):</source>
        <translation>名称（SSID）：</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全类型：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Show Wi-Fi code</source>
        <translation>显示 Wi-Fi 二维码</translation>
    </message>
    <message>
        <source>QR code to join the Wi-Fi</source>
        <translation>加入此 Wi-Fi 的二维码</translation>
    </message>
</context>
</TS>
