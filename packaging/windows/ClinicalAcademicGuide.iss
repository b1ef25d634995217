; Inno Setup 6 script: a per-user installer for the one-folder bundle. No admin rights needed.
;
; Build the bundle first (README, "Building the installable bundle"), then from the project
; folder:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\ClinicalAcademicGuide.iss
; Signed (see packaging\windows\SIGNING.md): define a sign tool named "signtool" and /DSign:
;     ISCC.exe "/Ssigntool=signtool.exe sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /sha1 <THUMBPRINT> $f" /DSign packaging\windows\ClinicalAcademicGuide.iss
; Output: dist\ClinicalAcademicGuide-<version>-setup.exe
;
; Per user by default: installs to %LOCALAPPDATA%\Programs\ClinicalAcademicGuide, Start-menu
; entry for this user, uninstall entry under HKCU - no UAC prompt. IT can install it for all
; users into Program Files instead (where AppLocker's default rules allow it to run) with
;     ClinicalAcademicGuide-<version>-setup.exe /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; (needs admin, as any Program Files install does). Silent per-user: /CURRENTUSER /VERYSILENT.
; The user's own data (%APPDATA%\ClinicalAcademicGuide) is never touched by install or uninstall.

#define AppName "Clinical Academic Pathway Guide"
#define AppSlug "ClinicalAcademicGuide"
#define AppExe AppSlug + ".exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\" + AppSlug
#ifndef AppVersion
  ; Read from the exe's version resource (packaging\windows\version_info.txt), so the
  ; installer and the program always agree.
  #define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExe)
#endif
#if AppVersion == ""
  #error Build the bundle first: dist\ClinicalAcademicGuide\ClinicalAcademicGuide.exe not found
#endif

[Setup]
; Keep AppId unchanged for ever: it is how upgrades and the uninstaller find this app.
AppId={{6F1C2B9E-3A57-4D2E-9C1B-8E4A7D0F5C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clinical Academic Pathway Guide contributors
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppSlug}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Lowest privileges: a per-user install that a standard (non-admin) account can run.
PrivilegesRequired=lowest
; ...and IT may choose an all-users install with /ALLUSERS (or the dialog's choice).
PrivilegesRequiredOverridesAllowed=commandline dialog
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppSlug}-{#AppVersion}-setup
SetupIconFile={#AppSlug}.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before replacing its files.
CloseApplications=yes
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no stale DLLs or content from an older version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
