import type { FileSystem } from './filesystem.ts';

/** The files a coreos-vagrant machine has that the tools and lessons read. */
export function installCoreosFiles(fs: FileSystem, name: string, ip: string): void {
  fs.write('/etc/hostname', `${name}\n`);
  fs.write('/etc/environment', `COREOS_PUBLIC_IPV4=${ip}\nCOREOS_PRIVATE_IPV4=${ip}\n`);
  fs.write('/etc/os-release', [
    'NAME=CoreOS',
    'ID=coreos',
    'VERSION=1010.5.0',
    'VERSION_ID=1010.5.0',
    'BUILD_ID=2016-05-26-2225',
    'PRETTY_NAME="CoreOS 1010.5.0 (MoreOS)"',
    'ANSI_COLOR="1;32"',
    'HOME_URL="https://coreos.com/"',
    'BUG_REPORT_URL="https://github.com/coreos/bugs/issues"',
    '',
  ].join('\n'));
  fs.write('/usr/share/coreos/update.conf', 'SERVER=https://public.update.core-os.net/v1/update/\nGROUP=stable\n');
  fs.write('/etc/coreos/update.conf', 'GROUP=stable\nREBOOT_STRATEGY=off\n');
  fs.mkdir('/home/core');
}
