#!/usr/bin/perl
# wedos-panel page entry for cPanel & WHM (docs/decisions/0005-cpanel-adapter.md, cpanel/README.md).
#
# cPanel runs it as the logged-in account for the Jupiter plugin page (wedos_panel/index.live.pl), and as root for
# the WHM page (cgi/wedos-panel/index.cgi, the same script) after checking the WHM user's ACLs. The level is the
# file name: *.cgi is WHM (admin), anything else the cPanel account (user). It decides nothing: it proves which unix
# account runs it by leaving a file only that account could have made (a random name and nonce in pages.proofDir,
# 0444, created exclusively, never following links; docs/decisions/0012-who-is-asking.md), sends the request's CGI
# variables and that proof to the daemon (protocol v1: POST /v1/cpanel/<level> over daemon.listen, NUL-terminated
# NAME=value records), prints the daemon's answer — a whole CGI response — and removes the proof. If the daemon
# cannot answer it prints a short page and nothing else. The daemon checks the WHM user's ACLs, not this script.
#
# Perl because cPanel runs *.live.pl pages with it. cpanel/install.sh writes cPanel's own perl
# (/usr/local/cpanel/3rdparty/bin/perl) into the first line of the installed copies: /usr/bin/perl and its modules
# are not always there (EL 8/9). Only modules every perl has are used (no JSON module: see read_settings).
use strict;
use warnings;
use Fcntl qw(O_WRONLY O_CREAT O_EXCL O_NOFOLLOW);
use IO::Socket::INET ();
use IO::Socket::UNIX ();
use Socket qw(SOCK_STREAM);

my $level = $0 =~ /\.cgi\z/ ? 'admin' : 'user';
my $proof_path;

# ASCII only (Czech letters as entities); no inline script, no external resource.
sub unavailable {
    unlink $proof_path if defined $proof_path;
    my $text = '<!doctype html><html lang="en"><meta charset="utf-8"><title>WEDOS DNS</title><div class="wedos-panel"><p><strong>WEDOS DNS is temporarily unavailable.</strong> Please try again in a few minutes. If it persists, the administrator can run <code>wedos-panel doctor</code>.</p><p lang="cs"><strong>WEDOS DNS je do&#269;asn&#283; nedostupn&#233;.</strong> Zkuste to pros&#237;m za n&#283;kolik minut.</p></div>';
    binmode STDOUT;
    print "Status: 503 Service Unavailable\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'self'\r\n\r\n$text";
    exit 0;
}

# daemon.listen and pages.proofDir from the configuration when this account can read it, else the defaults
# (customers cannot read a config file that holds the WAPI password: keep it in wapi.passwordFile if you change them).
# Read as the DirectAdmin package's sh entry reads them, without a JSON module: the string after the key's colon,
# wherever the key stands (JSON escapes every quote inside a string, so an unescaped "listen" is the key); a value
# with a backslash or a control character is not a path or an address and is ignored.
sub read_settings {
    my ($file) = @_;
    my %found;
    open(my $fh, '<', $file) or return %found;
    my $text = do { local $/; <$fh> };
    close $fh;
    return %found if !defined $text;
    while ($text =~ /"(listen|proofDir)"\s*:\s*"([^"\\\x00-\x1f]*)"/g) {
        $found{$1} = $2 if length $2;
    }
    return %found;
}
my $config_file = $ENV{WEDOS_PANEL_CONFIG} || '/etc/wedos-panel/config.json';
my %settings = -r $config_file ? read_settings($config_file) : ();
my $listen = $settings{listen} // '/run/wedos-panel/daemon.sock';
# By default `proof` beside the daemon's socket, as the daemon makes it.
my $proof_dir = $settings{proofDir} // ($listen =~ m{\A(.*)/[^/]*\z} ? "$1/proof" : '/run/wedos-panel/proof');

local $SIG{ALRM} = \&unavailable;
alarm 60;

# The request body (a form or JSON), at most 2 MiB, never containing NUL (the records' separator).
my $body = '';
my $length = $ENV{CONTENT_LENGTH} || 0;
if ($length =~ /\A\d+\z/ && $length > 0) {
    unavailable() if $length > 2 * 1024 * 1024;
    binmode STDIN;
    while (length($body) < $length) {
        my $read = read(STDIN, $body, $length - length($body), length($body));
        last if !$read;
    }
    unavailable() if index($body, "\0") >= 0;
}

# The proof: 16 random bytes of name and 32 of nonce, a new file (never an existing one, never through a link) that
# only this account could have written — 0444, so the daemon reads it without any privilege.
open(my $random, '<:raw', '/dev/urandom') or unavailable();
read($random, my $bytes, 48) == 48 or unavailable();
close $random;
my ($name, $nonce) = (unpack('H32', substr($bytes, 0, 16)), unpack('H64', substr($bytes, 16, 32)));
$proof_path = "$proof_dir/$name";
umask 0222;
sysopen(my $proof, $proof_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0444) or do { undef $proof_path; unavailable() };
print {$proof} $nonce or unavailable();
close $proof or unavailable();

# One record per CGI variable cpsrvd set (an unset one is left out), then the body and the proof.
my $envelope = '';
for my $var (qw(REQUEST_METHOD QUERY_STRING CONTENT_TYPE REMOTE_USER cp_security_token HTTP_X_CSRF_TOKEN HTTP_ACCEPT_LANGUAGE)) {
    next if !defined $ENV{$var} || index($ENV{$var}, "\0") >= 0;
    $envelope .= "$var=$ENV{$var}\0";
}
$envelope .= "STDIN=$body\0" if length $body;
$envelope .= "PROOF=$name:$nonce\0";

my $socket = $listen =~ m{/}
    ? IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $listen)
    : IO::Socket::INET->new(PeerAddr => $listen, Proto => 'tcp', Timeout => 3);
unavailable() if !$socket;
binmode $socket;
my $request = "POST /v1/cpanel/$level HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: " . length($envelope) . "\r\nConnection: close\r\n\r\n$envelope";
print {$socket} $request or unavailable();
my $answer = do { local $/; <$socket> };
close $socket;
unlink $proof_path;
undef $proof_path;
alarm 0;

# 200 carries the exact CGI output; anything else (or nothing) shows the message.
unavailable() if !defined $answer || $answer !~ m{\AHTTP/1\.[01] 200 };
my $split = index($answer, "\r\n\r\n");
unavailable() if $split < 0;
binmode STDOUT;
print substr($answer, $split + 4);
exit 0;
