/** `curl --version` of the curl CoreOS shipped in mid-2016. UNSURE: the exact build line. */
export const CURL_VERSION = '7.48.0';

export const VERSION_TEXT =
  `curl ${CURL_VERSION} (x86_64-cros-linux-gnu) libcurl/${CURL_VERSION} OpenSSL/1.0.2h zlib/1.2.8\n` +
  'Protocols: dict file ftp ftps gopher http https imap imaps pop3 pop3s rtsp smb smbs smtp smtps telnet tftp \n' +
  'Features: IPv6 Largefile NTLM NTLM_WB SSL libz TLS-SRP UnixSockets \n';

/** The lines of `curl --help` for the options the playground's curl understands (same layout). */
export const HELP_TEXT = `Usage: curl [options...] <url>
Options: (H) means HTTP/HTTPS only, (F) means FTP only
     --compressed    Request compressed response (using deflate or gzip)
     --connect-timeout SECONDS  Maximum time allowed for connection
 -d, --data DATA     HTTP POST data (H)
     --data-raw DATA  HTTP POST data, '@' allowed (H)
     --data-ascii DATA  HTTP POST ASCII data (H)
     --data-binary DATA  HTTP POST binary data (H)
     --data-urlencode DATA  HTTP POST data url encoded (H)
 -e, --referer       Referer URL (H)
 -f, --fail          Fail silently (no output at all) on HTTP errors (H)
 -G, --get           Send the -d data with a HTTP GET (H)
 -g, --globoff       Disable URL sequences and ranges using {} and []
 -H, --header LINE   Pass custom header LINE to server (H)
 -I, --head          Show document info only
 -h, --help          This help text
 -i, --include       Include protocol headers in the output (H/F)
 -k, --insecure      Allow connections to SSL sites without certs (H)
 -L, --location      Follow redirects (H)
     --max-redirs NUM  Maximum number of redirects allowed (H)
 -m, --max-time SECONDS  Maximum time allowed for the transfer
 -N, --no-buffer     Disable buffering of the output stream
 -o, --output FILE   Write to FILE instead of stdout
 -O, --remote-name   Write output to a file named as the remote file
 -#, --progress-bar  Display transfer progress as a progress bar
 -X, --request COMMAND  Specify request command to use
 -S, --show-error    Show error. With -s, make curl show errors when they occur
 -s, --silent        Silent mode (don't output anything)
 -u, --user USER[:PASSWORD]  Server user and password
 -A, --user-agent STRING  Send User-Agent STRING to server (H)
 -v, --verbose       Make the operation more talkative
 -V, --version       Show version number and quit
 -w, --write-out FORMAT  Use output FORMAT after completion
`;
